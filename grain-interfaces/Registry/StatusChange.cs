namespace Maestro.GrainInterfaces.Registry;

/// <summary>One entry of a service's status history.</summary>
/// <param name="At">When the status changed.</param>
/// <param name="From">The status before; null for the first registration.</param>
/// <param name="To">The status after.</param>
/// <param name="Reason">Why, in words (e.g. "probe: HTTP 503", "no heartbeat for 90 s").</param>
public sealed record StatusChange(DateTimeOffset At, ServiceStatus? From, ServiceStatus To, string Reason);
