using System.Text;
using Maestro.GrainInterfaces.Workflows;

namespace Maestro.Grains.Workflows;

/// <summary>
/// The <c>{{NAME}}</c> placeholders of a template (spaces inside the braces allowed; names are letters, digits and
/// '_', starting with a letter or '_'). Substitution is textual, before the YAML is parsed, so a parameter may stand
/// for a number or a duration as well as a string; the result is validated as a workflow like any other.
/// </summary>
public static class TemplateText
{
    public static (IReadOnlyList<TemplatePlaceholder> Placeholders, IReadOnlyList<DefinitionError> Errors) Scan(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var placeholders = new List<TemplatePlaceholder>();
        var errors = new List<DefinitionError>();
        int line = 1, lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
                continue;
            }

            if (text[i] != '{' || i + 1 >= text.Length || text[i + 1] != '{')
            {
                continue;
            }

            var column = i - lineStart + 1;
            var lineEnd = text.IndexOf('\n', i);
            var close = text.IndexOf("}}", i + 2, (lineEnd < 0 ? text.Length : lineEnd) - (i + 2), StringComparison.Ordinal);
            if (close < 0)
            {
                errors.Add(new DefinitionError(file, line, column, "'{{' is not closed by '}}' on the same line"));
                continue;
            }

            var name = text[(i + 2)..close].Trim();
            if (!IsParameterName(name))
            {
                errors.Add(new DefinitionError(file, line, column, $"'{{{{{name}}}}}' is not a parameter: names are letters, digits and '_', starting with a letter or '_'"));
            }
            else
            {
                placeholders.Add(new TemplatePlaceholder(name, i, close + 2 - i, line, column));
            }

            i = close + 1;
        }

        return (placeholders, errors);
    }

    public static bool IsParameterName(string name) =>
        name.Length is > 0 and <= 100 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    public static TemplateRendering Render(string text, IReadOnlyList<TemplatePlaceholder> placeholders, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rendered = new StringBuilder(text.Length);
        var substitutions = new List<(TemplatePlaceholder, int)>();
        var at = 0;
        foreach (var placeholder in placeholders.OrderBy(p => p.Offset))
        {
            var value = values[placeholder.Name];
            rendered.Append(text, at, placeholder.Offset - at).Append(value);
            substitutions.Add((placeholder, value.Length));
            at = placeholder.Offset + placeholder.Length;
        }

        rendered.Append(text, at, text.Length - at);
        return new TemplateRendering(rendered.ToString(), substitutions);
    }
}
