namespace Maestro.GrainInterfaces.Registry;

/// <summary>One registered service, keyed by its name: registration, heartbeats, active probes, status and its history.</summary>
public interface IServiceGrain : IGrainWithStringKey
{
    /// <summary>Registers the service or replaces its registration (status history and registration time are kept).</summary>
    Task<RegistrationResult> RegisterAsync(ServiceRegistration registration);

    /// <summary>Records a heartbeat; null when the service is not registered.</summary>
    Task<HeartbeatAck?> HeartbeatAsync();

    /// <summary>The service, or null when it is not registered.</summary>
    Task<ServiceSnapshot?> GetAsync();

    /// <summary>The status history, oldest first (bounded: the oldest entries are dropped).</summary>
    Task<IReadOnlyList<StatusChange>> GetHistoryAsync();

    /// <summary>Removes the registration; false when it was not registered.</summary>
    Task<bool> DeregisterAsync();

    /// <summary>
    /// Applies the result of a probe this grain started. Called by the grain itself once the probe, which runs off
    /// the grain's turn so heartbeats are never held up by a slow endpoint, has finished.
    /// </summary>
    Task RecordProbeAsync(ProbeResult result);

    /// <summary>
    /// Activates the grain (and so its heartbeat and probe timers) and re-publishes its index entry. The registry
    /// supervisor calls it for every indexed service, which resumes monitoring after a restart or a failover.
    /// </summary>
    Task EnsureMonitoredAsync();
}
