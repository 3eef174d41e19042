namespace Maestro.GrainInterfaces.Registry;

/// <summary>
/// A registered service's health. <see cref="Expired"/> wins over the others: a service that stopped sending
/// heartbeats is expired whatever its last probe said.
/// </summary>
public enum ServiceStatus
{
    /// <summary>Heartbeats are fresh and the last probe (if the service is probed) answered 2xx within the latency threshold.</summary>
    Healthy,

    /// <summary>The last probe answered 2xx, but slower than the latency threshold.</summary>
    Degraded,

    /// <summary>The last probe failed: a non-2xx answer, a timeout, a connection error, or the circuit breaker is open.</summary>
    Unhealthy,

    /// <summary>No heartbeat within the heartbeat timeout.</summary>
    Expired,
}
