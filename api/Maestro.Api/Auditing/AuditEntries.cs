using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Maestro.GrainInterfaces.Audit;
using Maestro.Api.Access;

namespace Maestro.Api.Auditing;

/// <summary>Builds audit entries from a request: who (the key's id, name and role), the target, parameters and trace id.</summary>
public static partial class AuditEntries
{
    public const string Anonymous = "anonymous";

    private const string TargetItem = "Maestro.AuditTarget";

    /// <summary>Sets the audited target for this request (when it is known only once the handler ran, e.g. a new key's id).</summary>
    public static void SetTarget(HttpContext context, string target)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[TargetItem] = target;
    }

    /// <summary>A refused request: action <c>auth.denied</c>, target the method and path, the presented key id if any.</summary>
    public static AuditEntry Denial(HttpContext context, int statusCode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["method"] = context.Request.Method,
            ["path"] = context.Request.Path.Value ?? string.Empty,
            ["reason"] = statusCode == StatusCodes.Status403Forbidden ? "role too low" : "no valid API key",
        };
        if (context.Items[ApiKeyAuthenticationHandler.RejectedKeyIdItem] is string rejected)
        {
            parameters["presentedKeyId"] = rejected;
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<AuditedAction>() is { } audited)
        {
            parameters["attemptedAction"] = audited.Action;
        }

        return Create(context, "auth.denied", $"{context.Request.Method} {context.Request.Path}", parameters, "denied", statusCode, now);
    }

    /// <summary>An audited endpoint's action with its outcome.</summary>
    public static AuditEntry ForAction(HttpContext context, AuditedAction audited, IReadOnlyDictionary<string, string> parameters, JsonElement? body, int statusCode, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(audited);
        var target = context.Items[TargetItem] as string ?? ResolveTarget(audited.TargetTemplate, context, body);
        var outcome = statusCode < 400 ? "succeeded" : "failed";
        return Create(context, audited.Action, target, parameters, outcome, statusCode, now);
    }

    /// <summary>The route values and query string of the request, as audit parameters.</summary>
    public static Dictionary<string, string> RequestParameters(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in context.Request.RouteValues)
        {
            parameters[key] = value?.ToString() ?? string.Empty;
        }

        foreach (var (key, value) in context.Request.Query)
        {
            parameters[$"query.{key}"] = value.ToString();
        }

        return parameters;
    }

    private static AuditEntry Create(HttpContext context, string action, string target, IReadOnlyDictionary<string, string> parameters, string outcome, int statusCode, DateTimeOffset now)
    {
        var user = context.User;
        var authenticated = user.Identity?.IsAuthenticated == true;
        return new AuditEntry(
            now,
            authenticated ? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? Anonymous : Anonymous,
            authenticated ? user.FindFirstValue(ClaimTypes.Name) : null,
            authenticated ? user.FindFirstValue(ClaimTypes.Role) ?? "none" : "none",
            action,
            target,
            parameters,
            outcome,
            statusCode,
            TraceId(context));
    }

    /// <summary>Who made a request, for a record that names them: the key's name, else its id, else <see cref="Anonymous"/>.</summary>
    public static string Actor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? Anonymous;
    }

    /// <summary>The W3C trace id when the request has an activity, else ASP.NET Core's request id (the same one problem details show).</summary>
    public static string TraceId(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Activity.Current is { } activity ? activity.TraceId.ToHexString() : context.TraceIdentifier;
    }

    private static string ResolveTarget(string template, HttpContext context, JsonElement? body) =>
        Placeholder().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            if (context.Request.RouteValues.TryGetValue(name, out var routeValue) && routeValue is not null)
            {
                return routeValue.ToString() ?? string.Empty;
            }

            if (context.Request.Query.TryGetValue(name, out var queryValue) && queryValue.Count > 0)
            {
                return queryValue.ToString();
            }

            if (body is { ValueKind: JsonValueKind.Object } json)
            {
                foreach (var property in json.EnumerateObject())
                {
                    if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return property.Value.ToString();
                    }
                }
            }

            return "?";
        });

    [GeneratedRegex(@"\{(\w+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
