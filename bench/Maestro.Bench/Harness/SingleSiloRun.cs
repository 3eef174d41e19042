using Maestro.Runtime.TestingHost;

namespace Maestro.Bench.Harness;

/// <summary>Deploys one in-process silo, runs a benchmark's measurements against it and shuts it down.</summary>
internal static class SingleSiloRun
{
    /// <returns>The comparisons, or null when the run failed; the error has then been written to <paramref name="progress"/>.</returns>
    public static async Task<List<Comparison>?> MeasureAsync(InProcessTestCluster cluster, TextWriter progress, Func<Task<IEnumerable<Comparison>>> measure)
    {
        try
        {
            await cluster.DeployAsync();
            var comparisons = (await measure()).ToList();
            await cluster.DisposeAsync();
            return comparisons;
        }
        catch (Exception ex)
        {
            progress.WriteLine();
            progress.WriteLine($"error: the benchmark failed: {ex}");

            // A failed call may be stuck inside a grain, and a graceful stop would wait for it: stop as a crash does.
            try
            {
                await cluster.KillSiloAsync();
            }
            catch (InvalidOperationException)
            {
                // The silo never started.
            }

            await cluster.DisposeAsync();
            return null;
        }
    }
}
