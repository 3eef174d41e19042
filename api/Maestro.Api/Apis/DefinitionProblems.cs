using Maestro.GrainInterfaces.Workflows;

namespace Maestro.Api.Apis;

/// <summary>
/// Problem details (RFC 9457) for a definition or template that does not validate: the detail names the first
/// problem as <c>file:line:column: message</c> and the <c>errors</c> extension lists them all.
/// </summary>
public static class DefinitionProblems
{
    public static ProblemHttpResult From(string title, IReadOnlyList<DefinitionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var detail = errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} problems; the first: {errors[0]}";
        return TypedResults.Problem(
            title: title,
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    /// <summary>Checks paging parameters: offset from 0, limit from 1 to 500 (default 50).</summary>
    public static ProblemHttpResult? CheckPage(int? offset, int? limit, out int from, out int count)
    {
        from = offset ?? 0;
        count = limit ?? 50;
        return from < 0 ? BadRequest($"offset must be 0 or more, not {from}")
            : count is < 1 or > 500 ? BadRequest($"limit must be from 1 to 500, not {count}")
            : null;
    }

    /// <summary>A request field that is missing or malformed (no YAML position applies).</summary>
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(title: "Invalid request", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
