using Maestro.GrainInterfaces.Workflows;

namespace Maestro.Grains.Workflows;

/// <summary>
/// A template with its placeholders substituted, and the way back: an error found in the rendered YAML is reported
/// at the line and column of the template's own text (values never contain a line break, so lines match).
/// </summary>
public sealed class TemplateRendering(string yaml, IReadOnlyList<(TemplatePlaceholder Placeholder, int ValueLength)> substitutions)
{
    public string Yaml { get; } = yaml;

    public DefinitionError MapBack(DefinitionError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var column = error.Column;
        var shift = 0;
        foreach (var (placeholder, valueLength) in substitutions.Where(s => s.Placeholder.Line == error.Line).OrderBy(s => s.Placeholder.Column))
        {
            var renderedStart = placeholder.Column + shift;
            if (error.Column < renderedStart)
            {
                break;
            }

            if (error.Column < renderedStart + valueLength)
            {
                return error with { Column = placeholder.Column };
            }

            shift += valueLength - placeholder.Length;
            column = error.Column - shift;
        }

        return error with { Column = column };
    }
}
