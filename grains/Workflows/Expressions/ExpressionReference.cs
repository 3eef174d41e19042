namespace Maestro.Grains.Workflows;

/// <summary>
/// A value an expression reads: <c>steps.ID.outputs.NAME</c>, <c>steps.ID.status</c>, <c>inputs.NAME</c>,
/// <c>env.NAME</c>, <c>item</c> (the current fan-out item) or <c>workflow.id</c> / <c>workflow.name</c>.
/// </summary>
public sealed record ExpressionReference(string Root, string? StepId, string Field, string? Name, int Offset)
{
    public string Text => Root switch
    {
        "steps" => Name is null ? $"steps.{StepId}.{Field}" : $"steps.{StepId}.{Field}.{Name}",
        "item" => "item",
        _ => $"{Root}.{Field}",
    };

    /// <summary>Parses a dotted path; <paramref name="error"/> says what is wrong when it returns null.</summary>
    public static ExpressionReference? TryParse(string path, int offset, out string? error)
    {
        error = null;
        var parts = path.Split('.');
        if (parts.Any(p => p.Length == 0 || !p.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            error = $"'{path}' is not a reference: use dotted names of letters, digits, '_' and '-'";
            return null;
        }

        switch (parts[0])
        {
            case "item" when parts.Length == 1:
                return new ExpressionReference("item", null, "item", null, offset);
            case "inputs" or "env" when parts.Length == 2:
                return new ExpressionReference(parts[0], null, parts[1], null, offset);
            case "workflow" when parts.Length == 2 && parts[1] is "id" or "name":
                return new ExpressionReference("workflow", null, parts[1], null, offset);
            case "steps" when parts.Length == 3 && parts[2] == "status":
                return new ExpressionReference("steps", parts[1], "status", null, offset);
            case "steps" when parts.Length == 4 && parts[2] == "outputs":
                return new ExpressionReference("steps", parts[1], "outputs", parts[3], offset);
            default:
                error = $"unknown reference '{path}': expected steps.ID.outputs.NAME, steps.ID.status, inputs.NAME, env.NAME, item, workflow.id or workflow.name";
                return null;
        }
    }
}
