using Maestro.Bench.Grains;
using Maestro.Runtime.TestingHost;

namespace Maestro.Bench.Suites;

/// <summary>
/// Failover with default membership settings: kill (in process, as a crash: no goodbye, connections cut) the silo
/// hosting a grain, then call the grain through the survivor in a loop until a call succeeds. The time from the kill
/// to that success is what a caller of a crashed silo's grain waits.
/// </summary>
internal static class FailoverSuite
{
    public const double TargetSeconds = 15;

    /// <summary>Gives up after this long, so a broken failover ends the bench instead of hanging it.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    /// <summary>Pause between failed attempts: short enough not to add visibly to the measured time.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(20);

    public static async Task<FailoverMeasurement> RunAsync(InProcessMultiSiloCluster cluster, InProcessSilo victim, InProcessSilo survivor, TextWriter progress)
    {
        const long Key = 9_000_000;
        var before = await victim.GrainFactory.GetGrain<IClusterPingGrain>(Key).GetSiloName();
        var grain = survivor.GrainFactory.GetGrain<IClusterPingGrain>(Key);
        if (before != victim.Name || await grain.GetSiloName() != victim.Name)
        {
            throw new InvalidOperationException($"The failover grain is not on {victim.Name}; the kill would not move it.");
        }

        progress.Write($"  killing {victim.Name}, calling through {survivor.Name} until a call succeeds ... ");
        var started = Stopwatch.GetTimestamp();
        await cluster.KillSiloAsync(victim);
        var failures = 0;
        string? firstError = null;
        while (true)
        {
            try
            {
                await grain.Ping(1);
                break;
            }
            catch (Exception ex) when (Stopwatch.GetElapsedTime(started) < Limit)
            {
                // Until the survivor's sweep declares the victim dead, its directory entry still names the victim.
                failures++;
                firstError ??= $"{ex.GetType().Name}: {ex.Message}";
                await Task.Delay(RetryDelay);
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var after = await grain.GetSiloName();
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds:F2} s ({failures} failed attempts), now on {after}"));
        return new FailoverMeasurement(seconds, failures, firstError ?? "none", before, after, TargetSeconds);
    }
}
