using System.Text.Json;
using Maestro.Grains.Audit;
using Microsoft.AspNetCore.Http.Json;

namespace Maestro.Api.Auditing;

/// <summary>
/// Appends the audit record of an audited endpoint after its handler ran: succeeded (status below 400) or failed,
/// with the route values, query and request body as parameters. The record is stored before the response is
/// written, so an acknowledged change is always audited; if the handler throws, a failed record (500) is stored
/// and the exception goes on. Request bodies of audited endpoints carry no secrets (keys are generated, never sent).
/// </summary>
public sealed class AuditEndpointFilter(IAuditLog auditLog, TimeProvider timeProvider, IOptions<JsonOptions> jsonOptions) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var audited = http.GetEndpoint()?.Metadata.GetMetadata<AuditedAction>()
            ?? throw new InvalidOperationException("The audit filter is on an endpoint without AuditedAction metadata; use .Audited(...).");
        var parameters = AuditEntries.RequestParameters(http);
        JsonElement? body = null;
        foreach (var argument in context.Arguments)
        {
            if (argument is IAuditedRequest)
            {
                body = JsonSerializer.SerializeToElement(argument, argument.GetType(), jsonOptions.Value.SerializerOptions);
                parameters["body"] = body.Value.GetRawText();
            }
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception) when (!http.RequestAborted.IsCancellationRequested)
        {
            await auditLog.AppendAsync(AuditEntries.ForAction(http, audited, parameters, body, StatusCodes.Status500InternalServerError, timeProvider.GetUtcNow()));
            throw;
        }

        var status = StatusCodeOf(result);
        await auditLog.AppendAsync(AuditEntries.ForAction(http, audited, parameters, body, status, timeProvider.GetUtcNow()));
        return result;
    }

    /// <summary>The status a handler's result answers with; a <c>Results&lt;...&gt;</c> union wraps the real result.</summary>
    private static int StatusCodeOf(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
    }
}
