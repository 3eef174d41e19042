using Maestro.Bench.Harness;
using Maestro.Bench.Reporting;
using Maestro.Bench.Suites;
using Maestro.Grains.Registry;
using Maestro.Runtime.TestingHost;

namespace Maestro.Bench;

/// <summary>The "registry" command: one silo (real SQLite storage) with the service registry, registrations and heartbeats vs raw upserts.</summary>
internal static class RegistryBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var startedUtc = DateTime.UtcNow;
        var progress = Console.Error;
        if (RuntimeBenchmark.Configuration != "Release")
        {
            progress.WriteLine("warning: this is a Debug build; figures are not meaningful. Use: dotnet run -c Release --project bench/Maestro.Bench -- registry");
        }

        var dataDirectory = Path.Combine(options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "maestro-bench"), Guid.NewGuid().ToString("N"));
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Maestro registry benchmark: 4 cases x {options.Rounds} rounds of {options.Duration.TotalSeconds:0.##} s. Data in {dataDirectory}"));

        // No probes (no health endpoint) and a supervisor that stays out of the way: the figures are the registry's writes.
        var builder = new InProcessTestClusterBuilder().ConfigureHost(host => host.Services.AddServiceRegistry(o => o.SupervisorPeriod = TimeSpan.FromHours(1)));
        builder.Options.DataDirectory = dataDirectory;
        builder.Options.ServiceId = "bench";
        var cluster = builder.Build();
        var comparisons = await SingleSiloRun.MeasureAsync(cluster, progress, async () =>
            await new RegistrySuite(cluster.Client, Path.Combine(dataDirectory, "maestro.db"), dataDirectory, new PairRunner(options, progress), options.Callers).RunAsync());
        if (comparisons is null)
        {
            return 1;
        }

        ResultReport.Print("Maestro registry benchmark", "registry", startedUtc, options, comparisons, new
        {
            durationSeconds = options.Duration.TotalSeconds,
            warmupSeconds = options.Warmup.TotalSeconds,
            rounds = options.Rounds,
            callers = options.Callers,
        });

        // 0 whether or not the targets are met: the bench informs people; it does not gate anything.
        return 0;
    }
}
