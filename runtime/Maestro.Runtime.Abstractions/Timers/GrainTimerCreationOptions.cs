namespace Maestro.Runtime;

/// <summary>How a grain timer ticks.</summary>
public readonly record struct GrainTimerCreationOptions
{
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public GrainTimerCreationOptions(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        Period = period;
    }

    /// <summary>Time before the first tick; <see cref="Timeout.InfiniteTimeSpan"/> means the timer does not start.</summary>
    public required TimeSpan DueTime { get; init; }

    /// <summary>Time between the end of one tick and the start of the next; <see cref="Timeout.InfiniteTimeSpan"/> means a single tick.</summary>
    public required TimeSpan Period { get; init; }

    /// <summary>When true, ticks run between the turns of other requests instead of waiting for them. Default false.</summary>
    public bool Interleave { get; init; }

    /// <summary>When true, ticks count as activity and keep the grain from idle collection. Default false.</summary>
    public bool KeepAlive { get; init; }
}
