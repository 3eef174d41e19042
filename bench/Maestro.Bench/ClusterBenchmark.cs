using Maestro.Runtime.Tests.PostgreSql;
using Maestro.Bench.Harness;
using Maestro.Bench.Reporting;
using Maestro.Bench.Suites;
using Maestro.Runtime.TestingHost;

namespace Maestro.Bench;

/// <summary>
/// The "cluster" command: a private PostgreSQL server (membership and grain directory), two silos in this process
/// with default membership settings, cross-silo calls beside a raw h2c echo, then failover. The server and the silos'
/// files are removed at the end, whatever happens.
/// </summary>
internal static class ClusterBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var startedUtc = DateTime.UtcNow;
        var progress = Console.Error;
        if (RuntimeBenchmark.Configuration != "Release")
        {
            progress.WriteLine("warning: this is a Debug build; figures are not meaningful. Use: dotnet run -c Release --project bench/Maestro.Bench -- cluster");
        }

        var perCase = options.Warmup.TotalSeconds + (options.Rounds * options.Duration.TotalSeconds)
            + ((options.Rounds - 1) * Math.Min(options.Warmup.TotalSeconds, 0.2));
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Maestro cluster benchmark: 2 cases x 2 sides x {options.Rounds} rounds of {options.Duration.TotalSeconds:0.##} s and a failover, about {(4 * perCase) + 20:0} s."));

        var comparisons = new List<Comparison>();
        FailoverMeasurement? failover = null;
        PrivatePostgreSqlServer? server = null;
        InProcessMultiSiloCluster? cluster = null;
        try
        {
            progress.WriteLine("Starting a private PostgreSQL server and two silos ...");
            server = await PrivatePostgreSqlServer.StartNewAsync();
            var database = await server.CreateDatabaseAsync("maestro_bench");
            var builder = new InProcessTestClusterBuilder();
            builder.Options.DataDirectory = Path.Combine(Path.GetTempPath(), "maestro-bench", Guid.NewGuid().ToString("N"));
            builder.Options.ServiceId = "bench";
            builder.Options.ClusterId = "bench-cluster";
            cluster = builder.BuildMultiSilo(database, silos: 2);
            await cluster.DeployAsync();
            var (siloA, siloB) = (cluster.Silos[0], cluster.Silos[1]);

            progress.WriteLine($"Cross-silo grain calls ({siloA.Name} -> {siloB.Name}):");
            comparisons.AddRange(await new ClusterCallSuite(siloA, siloB, new PairRunner(options, progress), options).RunAsync());

            progress.WriteLine("Failover (default lease settings):");
            failover = await FailoverSuite.RunAsync(cluster, siloB, siloA, progress);
        }
        catch (Exception ex)
        {
            progress.WriteLine();
            progress.WriteLine($"error: the benchmark failed: {ex}");
            await CleanUpAsync(cluster, server, progress);
            return 1;
        }

        await CleanUpAsync(cluster, server, progress);
        var output = Console.Out;
        output.WriteLine();
        ResultFile.WriteHeading(output, "Maestro cluster benchmark", startedUtc, options);
        output.WriteLine();
        ResultTable.Write(output, comparisons);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"failover (kill -> first successful call on the survivor, default lease settings): {failover.Seconds:F2} s, {failover.FailedAttempts} failed attempts; target <= {failover.TargetSeconds:0} s: {failover.Verdict}"));
        output.WriteLine();

        if (options.WriteJson)
        {
            var path = ResultFile.Write(options.OutputDirectory ?? RuntimeBenchmark.DefaultOutputDirectory(), "cluster", startedUtc, new
            {
                durationSeconds = options.Duration.TotalSeconds,
                warmupSeconds = options.Warmup.TotalSeconds,
                callers = options.Callers,
                rounds = options.Rounds,
            }, comparisons, new Dictionary<string, object?>
            {
                ["failover"] = failover is null ? null : new
                {
                    seconds = failover.Seconds,
                    targetSeconds = failover.TargetSeconds,
                    verdict = failover.Verdict,
                    failedAttempts = failover.FailedAttempts,
                    firstError = failover.FirstError,
                    hostBefore = failover.HostBefore,
                    hostAfter = failover.HostAfter,
                },
            });
            output.WriteLine($"JSON: {path}");
        }

        // 0 whether or not the targets are met: the bench informs people; it does not gate anything.
        return 0;
    }

    /// <summary>Kills the silos still running (a failed call may be stuck, and a graceful stop would wait for it), then removes the server.</summary>
    private static async Task CleanUpAsync(InProcessMultiSiloCluster? cluster, PrivatePostgreSqlServer? server, TextWriter progress)
    {
        try
        {
            if (cluster is not null)
            {
                foreach (var silo in cluster.Silos.Where(s => s.IsRunning))
                {
                    await cluster.KillSiloAsync(silo);
                }

                await cluster.DisposeAsync();
            }
        }
        finally
        {
            if (server is not null)
            {
                try
                {
                    await server.DisposeAsync();
                }
                catch (InvalidOperationException ex)
                {
                    progress.WriteLine($"warning: the private PostgreSQL server could not be stopped cleanly: {ex.Message}");
                }
            }
        }
    }
}
