namespace Maestro.GrainInterfaces.Audit;

/// <summary>One audited action, before the log gives it an id.</summary>
/// <param name="Time">When it happened (UTC).</param>
/// <param name="Actor">The API key id that acted, or "anonymous".</param>
/// <param name="ActorName">The key's name, when known.</param>
/// <param name="Role">The actor's role ("viewer", "operator", "admin"), or "none".</param>
/// <param name="Action">What was done, e.g. "services.register" or "auth.denied".</param>
/// <param name="Target">What it was done to, e.g. "service:billing" or "key:mk_..."; the request path for denials.</param>
/// <param name="Parameters">The action's parameters (never a secret).</param>
/// <param name="Outcome">"succeeded", "failed" or "denied".</param>
/// <param name="StatusCode">The HTTP status answered.</param>
/// <param name="TraceId">The W3C trace id of the request.</param>
public sealed record AuditEntry(
    DateTimeOffset Time,
    string Actor,
    string? ActorName,
    string Role,
    string Action,
    string Target,
    IReadOnlyDictionary<string, string> Parameters,
    string Outcome,
    int StatusCode,
    string TraceId);
