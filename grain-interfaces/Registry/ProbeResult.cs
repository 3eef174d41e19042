namespace Maestro.GrainInterfaces.Registry;

/// <summary>The outcome of one active health probe (after the retries of the probe pipeline).</summary>
/// <param name="At">When the probe finished.</param>
/// <param name="Status">Healthy, Degraded or Unhealthy.</param>
/// <param name="LatencyMs">Latency of the answering request; null when nothing answered.</param>
/// <param name="HttpStatus">The HTTP status of the last answer; null when nothing answered.</param>
/// <param name="Error">Why the probe failed, when it did.</param>
public sealed record ProbeResult(DateTimeOffset At, ServiceStatus Status, double? LatencyMs, int? HttpStatus, string? Error);
