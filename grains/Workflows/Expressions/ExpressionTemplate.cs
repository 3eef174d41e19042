using System.Text;

namespace Maestro.Grains.Workflows;

/// <summary>
/// A string with <c>${reference}</c> interpolations; <c>$${</c> writes a literal <c>${</c>. Parsing collects every
/// problem with its offset so the validator can point at each one.
/// </summary>
public sealed class ExpressionTemplate
{
    private readonly IReadOnlyList<object> segments;

    private ExpressionTemplate(IReadOnlyList<object> segments, IReadOnlyList<ExpressionError> errors)
    {
        this.segments = segments;
        Errors = errors;
    }

    public IReadOnlyList<ExpressionError> Errors { get; }

    public IEnumerable<ExpressionReference> References => segments.OfType<ExpressionReference>();

    public bool HasReferences => References.Any();

    public static ExpressionTemplate Parse(string text)
    {
        var segments = new List<object>();
        var errors = new List<ExpressionError>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (string.CompareOrdinal(text, i, "$${", 0, 3) == 0)
            {
                literal.Append("${");
                i += 3;
                continue;
            }

            if (string.CompareOrdinal(text, i, "${", 0, 2) != 0)
            {
                literal.Append(text[i++]);
                continue;
            }

            var close = text.IndexOf('}', i + 2);
            if (close < 0)
            {
                errors.Add(new ExpressionError(i, "'${' is not closed by '}'"));
                break;
            }

            var path = text[(i + 2)..close].Trim();
            if (path.Length == 0)
            {
                errors.Add(new ExpressionError(i, "empty expression '${}'"));
            }
            else if (ExpressionReference.TryParse(path, i, out var error) is { } reference)
            {
                if (literal.Length > 0)
                {
                    segments.Add(literal.ToString());
                    literal.Clear();
                }

                segments.Add(reference);
            }
            else
            {
                errors.Add(new ExpressionError(i, error!));
            }

            i = close + 1;
        }

        if (literal.Length > 0)
        {
            segments.Add(literal.ToString());
        }

        return new ExpressionTemplate(segments, errors);
    }

    public string Render(Func<ExpressionReference, string> resolve)
    {
        if (Errors.Count > 0)
        {
            throw new ExpressionEvaluationException(Errors[0].Message);
        }

        var result = new StringBuilder();
        foreach (var segment in segments)
        {
            result.Append(segment is ExpressionReference reference ? resolve(reference) : (string)segment);
        }

        return result.ToString();
    }
}
