namespace Maestro.Grains.Workflows;

/// <summary>
/// A step's retry policy: at most <paramref name="MaxAttempts"/> attempts in all (the first included), waiting
/// <paramref name="InitialInterval"/> × <paramref name="Factor"/>^(n−1), capped at <paramref name="MaxInterval"/>,
/// with jitter unless turned off. Defaults follow Temporal's (1 s, ×2, cap 100× initial) but are bounded: 3 attempts.
/// </summary>
public sealed record RetryDefinition(int MaxAttempts, TimeSpan InitialInterval, double Factor, TimeSpan MaxInterval, bool Jitter)
{
    public static RetryDefinition None { get; } = new(1, TimeSpan.FromSeconds(1), 2.0, TimeSpan.FromSeconds(100), Jitter: true);
}
