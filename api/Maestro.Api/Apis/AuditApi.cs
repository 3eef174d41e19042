using System.Text;
using System.Text.Json;
using Maestro.GrainInterfaces.Audit;
using Maestro.Grains.Audit;
using Maestro.Api.Access;
using Microsoft.AspNetCore.Http.Json;

namespace Maestro.Api.Apis;

/// <summary>
/// <c>/api/audit</c>: reading the audit log, admin keys only. Queries filter by actor (key id or name), target,
/// action and time range [from, to), oldest first, paged; exports return every match as JSON, CSV or a text summary.
/// </summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(MaestroPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet(string.Empty, QueryAsync)
            .WithName("QueryAudit")
            .WithSummary("Audit records matching the filters, oldest first, one page");

        api.MapGet("/export", ExportAsync)
            .WithName("ExportAudit")
            .WithSummary("Every audit record matching the filters as format=json (default), csv or text")
            .Produces<string>(StatusCodes.Status200OK, "application/json", "text/csv", "text/plain");

        return app;
    }

    public static async Task<Results<Ok<Page<AuditRecord>>, ValidationProblem>> QueryAsync(
        IAuditLog auditLog,
        string? actor = null,
        string? target = null,
        string? action = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        int offset = 0,
        int limit = Paging.DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(auditLog);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Paging.Validate(offset, limit, errors);
        var filter = Filter(actor, target, action, from, to, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(Page<AuditRecord>.Of(await auditLog.QueryAsync(filter), offset, limit));
    }

    public static async Task<Results<ContentHttpResult, ValidationProblem>> ExportAsync(
        IAuditLog auditLog,
        TimeProvider timeProvider,
        IOptions<JsonOptions> jsonOptions,
        string format = "json",
        string? actor = null,
        string? target = null,
        string? action = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null)
    {
        ArgumentNullException.ThrowIfNull(auditLog);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(jsonOptions);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var normalized = format.ToLowerInvariant();
        if (normalized is not ("json" or "csv" or "text"))
        {
            errors["format"] = [$"'{format}' is not an export format: use json, csv or text."];
        }

        var filter = Filter(actor, target, action, from, to, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var records = await auditLog.QueryAsync(filter);
        var now = timeProvider.GetUtcNow();
        return normalized switch
        {
            "csv" => TypedResults.Text(AuditCsvWriter.Write(records), "text/csv", Encoding.UTF8),
            "text" => TypedResults.Text(AuditTextSummary.Write(records, filter, now), "text/plain", Encoding.UTF8),
            _ => TypedResults.Text(
                JsonSerializer.Serialize(new { exportedAt = now, filter, total = records.Count, records }, jsonOptions.Value.SerializerOptions),
                "application/json",
                Encoding.UTF8),
        };
    }

    private static AuditFilter Filter(string? actor, string? target, string? action, DateTimeOffset? from, DateTimeOffset? to, Dictionary<string, string[]> errors)
    {
        if (from is not null && to is not null && from >= to)
        {
            errors["to"] = ["to must be later than from."];
        }

        return new AuditFilter(Blank(actor), Blank(target), Blank(action), from, to);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
