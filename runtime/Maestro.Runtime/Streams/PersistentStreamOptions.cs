namespace Maestro.Runtime.Streams;

/// <summary>Settings every SQL stream provider shares; the backend's options add where the database is.</summary>
public abstract class PersistentStreamOptions
{
    /// <summary>Queues per provider; a stream maps to one by a stable hash. Each queue has one pulling agent cluster-wide. Default 8, as Orleans.</summary>
    public int QueueCount { get; set; } = 8;

    /// <summary>Events an agent reads per round. Default 256.</summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>How often an idle agent looks for new events; a publish on the same silo wakes it at once. Default 100 ms, as Orleans' GetQueueMsgsTimerPeriod.</summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Failed deliveries of one event to one subscription before it goes to <c>stream_dead_letters</c> and the stream moves on. Default 5.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>Wait after the first failed delivery; doubles per attempt up to <see cref="MaxRetryBackoff"/>. Default 100 ms.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait between two delivery attempts. Default 5 s.</summary>
    public TimeSpan MaxRetryBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long delivered events stay in the log for rewinding. Default 7 days.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often a queue's owner deletes events past retention. Default 1 min.</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a queue lease lasts on the database clock; a dead owner's queues move after it. Default 60 s, as Orleans' LeaseBasedQueueBalancer.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often leases are renewed and rebalanced. Default 10 s (several renewals per lease).</summary>
    public TimeSpan LeaseRenewPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws with every problem at once, naming the provider.</summary>
    public void Validate(string providerName)
    {
        var problems = new List<string>();
        ValidateLocation(problems);
        Check(QueueCount is >= 1 and <= 1024, $"QueueCount must be 1..1024, not {QueueCount}.");
        Check(MaxBatchSize is >= 1 and <= 10_000, $"MaxBatchSize must be 1..10000, not {MaxBatchSize}.");
        Check(PollPeriod > TimeSpan.Zero, $"PollPeriod must be positive, not {PollPeriod}.");
        Check(MaxDeliveryAttempts >= 1, $"MaxDeliveryAttempts must be at least 1, not {MaxDeliveryAttempts}.");
        Check(RetryBackoff >= TimeSpan.Zero && MaxRetryBackoff >= RetryBackoff, $"RetryBackoff ({RetryBackoff}) must be non-negative and at most MaxRetryBackoff ({MaxRetryBackoff}).");
        Check(Retention > TimeSpan.Zero, $"Retention must be positive, not {Retention}.");
        Check(RetentionPeriod > TimeSpan.Zero, $"RetentionPeriod must be positive, not {RetentionPeriod}.");
        Check(LeaseDuration > TimeSpan.Zero && LeaseRenewPeriod > TimeSpan.Zero && LeaseRenewPeriod < LeaseDuration,
            $"LeaseRenewPeriod ({LeaseRenewPeriod}) must be positive and shorter than LeaseDuration ({LeaseDuration}).");
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(providerName, GetType(), problems.Select(p => $"Stream provider '{providerName}': {p}"));
        }

        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }
    }

    private protected abstract void ValidateLocation(List<string> problems);
}
