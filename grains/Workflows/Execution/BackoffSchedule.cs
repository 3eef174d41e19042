namespace Maestro.Grains.Workflows;

/// <summary>
/// The wait before each retry: initial × factor^(retry−1), capped at the maximum, then with jitter spread uniformly
/// over ±20% (so retries of many failing steps do not fall in step), never above the cap.
/// </summary>
public static class BackoffSchedule
{
    public static TimeSpan DelayBefore(int retry, RetryDefinition policy, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(random);
        var raw = policy.InitialInterval.TotalMilliseconds * Math.Pow(policy.Factor, retry - 1);
        var capped = Math.Min(raw, policy.MaxInterval.TotalMilliseconds);
        var jittered = policy.Jitter ? capped * (0.8 + (0.4 * random.NextDouble())) : capped;
        return TimeSpan.FromMilliseconds(Math.Min(jittered, policy.MaxInterval.TotalMilliseconds));
    }
}
