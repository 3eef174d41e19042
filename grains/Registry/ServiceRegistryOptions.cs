namespace Maestro.Grains.Registry;

/// <summary>
/// Settings of the service registry (configuration section <c>Maestro:Registry</c> in the silo). The defaults are the
/// original platform's numbers: heartbeats every 30 s, expired after 90 s without one, probes with a 5 s timeout,
/// degraded above 100 ms, a breaker that opens after 5 failures for 60 s.
/// </summary>
public sealed class ServiceRegistryOptions
{
    public const string SectionName = "Registry";

    /// <summary>How often services should send heartbeats (told to them in every answer). Default 30 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A service with no heartbeat for this long is expired. Default 90 s.</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How often a service grain checks its heartbeat against the timeout. Default 5 s.</summary>
    public TimeSpan ExpiryCheckPeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>An expired service is removed from the registry after staying expired this long. Default 24 h.</summary>
    public TimeSpan RemoveExpiredAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Time between active probes of a service that has a health endpoint. Default 30 s.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one probe request. Default 5 s.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A 2xx probe answer slower than this makes the service degraded. Default 100 ms.</summary>
    public TimeSpan DegradedLatency { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Retries of a failed probe request within one probe (0 = none). Default 2.</summary>
    public int ProbeRetries { get; set; } = 2;

    /// <summary>Delay before the first retry; it doubles for each further one. Default 200 ms.</summary>
    public TimeSpan ProbeRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Failed probe requests in a row (at least 2) that open the service's circuit breaker. Default 5.</summary>
    public int BreakerFailureThreshold { get; set; } = 5;

    /// <summary>How long an open breaker fails probes without a request, before one trial request. Default 60 s.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Status changes kept per service; older ones are dropped. Default 100.</summary>
    public int HistoryLimit { get; set; } = 100;

    /// <summary>How often each silo wakes every indexed service grain, so monitoring resumes after a restart or failover. Default 30 s.</summary>
    public TimeSpan SupervisorPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        RequirePositive(HeartbeatInterval, nameof(HeartbeatInterval));
        RequirePositive(HeartbeatTimeout, nameof(HeartbeatTimeout));
        RequirePositive(ExpiryCheckPeriod, nameof(ExpiryCheckPeriod));
        RequirePositive(RemoveExpiredAfter, nameof(RemoveExpiredAfter));
        RequirePositive(ProbeInterval, nameof(ProbeInterval));
        RequirePositive(ProbeTimeout, nameof(ProbeTimeout));
        RequirePositive(DegradedLatency, nameof(DegradedLatency));
        RequirePositive(ProbeRetryDelay, nameof(ProbeRetryDelay));
        RequirePositive(SupervisorPeriod, nameof(SupervisorPeriod));
        if (BreakerBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            throw new ArgumentException($"{SectionName}:{nameof(BreakerBreakDuration)} must be at least 0.5 s; got {BreakerBreakDuration}.");
        }

        if (HeartbeatTimeout < HeartbeatInterval)
        {
            throw new ArgumentException(
                $"{SectionName}:{nameof(HeartbeatTimeout)} ({HeartbeatTimeout}) must not be shorter than {nameof(HeartbeatInterval)} ({HeartbeatInterval}).");
        }

        RequireRange(ProbeRetries, 0, 10, nameof(ProbeRetries));
        RequireRange(BreakerFailureThreshold, 2, 1000, nameof(BreakerFailureThreshold));
        RequireRange(HistoryLimit, 1, 10_000, nameof(HistoryLimit));
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{SectionName}:{name} must be a positive time span; got {value}.");
        }
    }

    private static void RequireRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException($"{SectionName}:{name} must be from {min} to {max}; got {value}.");
        }
    }
}
