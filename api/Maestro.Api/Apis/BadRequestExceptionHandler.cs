using System.Text.Json;
using System.Text.RegularExpressions;
using Maestro.Grains.Audit;
using Maestro.Api.Auditing;
using Microsoft.AspNetCore.Diagnostics;

namespace Maestro.Api.Apis;

/// <summary>
/// Turns a request the framework could not bind (malformed JSON, a wrong type, an unknown property, a query value
/// that is not a number...) into a validation problem naming the field: the JSON path of the bad value
/// (<c>port</c>, <c>tags[1]</c>) or the parameter's name. On an audited endpoint the refused request is audited as failed.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IAuditLog auditLog, TimeProvider timeProvider) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var (field, message) = Describe(badRequest);
        // The exception handler middleware has cleared the endpoint and route values; its feature keeps them.
        var failed = httpContext.Features.Get<IExceptionHandlerFeature>();
        if (failed?.Endpoint?.Metadata.GetMetadata<AuditedAction>() is { } audited)
        {
            if (failed.RouteValues is { } routeValues)
            {
                httpContext.Request.RouteValues = routeValues;
            }

            var parameters = AuditEntries.RequestParameters(httpContext);
            parameters["error"] = message;
            await auditLog.AppendAsync(AuditEntries.ForAction(httpContext, audited, parameters, null, badRequest.StatusCode, timeProvider.GetUtcNow()));
        }

        var result = TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            title: badRequest.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "Unsupported media type" : "The request is invalid");
        httpContext.Response.StatusCode = badRequest.StatusCode;
        if (badRequest.StatusCode != StatusCodes.Status400BadRequest)
        {
            result.ProblemDetails.Status = badRequest.StatusCode;
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    private static (string Field, string Message) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var path = json.Path is { Length: > 0 } p ? p.TrimStart('$').TrimStart('.') : string.Empty;
            return (path.Length == 0 ? "body" : path, $"The JSON is invalid at '{json.Path ?? "$"}': {FirstSentence(json.Message)}");
        }

        if (ParameterName().Match(exception.Message) is { Success: true } match)
        {
            return (match.Groups[1].Value, exception.Message);
        }

        return ("body", exception.Message);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    [GeneratedRegex("parameter \"[^\"]*? (\\w+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
