namespace Maestro.Api.Auditing;

/// <summary>
/// Endpoint metadata: this endpoint changes something and is audited as <paramref name="Action"/>. The target is
/// <paramref name="TargetTemplate"/> with each <c>{name}</c> taken from the route values, else from the request
/// body's property of that name, unless the handler set one with <see cref="AuditEntries.SetTarget"/>.
/// </summary>
public sealed record AuditedAction(string Action, string TargetTemplate);
