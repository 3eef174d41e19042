using Maestro.Bench.Harness;
using Maestro.Bench.Reporting;
using Maestro.Bench.Suites;
using Maestro.Runtime.TestingHost;

namespace Maestro.Bench;

/// <summary>The "runtime" command: one silo (real SQLite storage), the chosen suites, the table and the JSON file.</summary>
internal static class RuntimeBenchmark
{
    /// <summary>The build configuration; a property (not a constant) so the Debug warning is not dead code in Release.</summary>
    public static string Configuration { get; } =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var startedUtc = DateTime.UtcNow;
        var progress = Console.Error;
        if (Configuration != "Release")
        {
            progress.WriteLine("warning: this is a Debug build; figures are not meaningful. Use: dotnet run -c Release --project bench/Maestro.Bench -- runtime");
        }

        var dataRoot = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "maestro-bench");
        var dataDirectory = Path.Combine(dataRoot, Guid.NewGuid().ToString("N"));
        var cases = ((options.Suites & BenchSuite.Calls) != 0 ? 4 : 0) + ((options.Suites & BenchSuite.Storage) != 0 ? 4 : 0);
        var perCase = options.Warmup.TotalSeconds + (options.Rounds * options.Duration.TotalSeconds)
            + ((options.Rounds - 1) * Math.Min(options.Warmup.TotalSeconds, 0.2));
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Maestro runtime benchmark: {cases} cases x {options.Rounds} rounds of {options.Duration.TotalSeconds:0.##} s, about {cases * perCase:0} s. Data in {dataDirectory}"));

        var builder = new InProcessTestClusterBuilder();
        builder.Options.DataDirectory = dataDirectory;
        builder.Options.ServiceId = "bench";
        var cluster = builder.Build();
        var comparisons = await SingleSiloRun.MeasureAsync(cluster, progress, async () =>
        {
            var runner = new PairRunner(options, progress);
            var measured = new List<Comparison>();
            if ((options.Suites & BenchSuite.Calls) != 0)
            {
                progress.WriteLine("Grain calls:");
                measured.AddRange(await new CallSuite(cluster.Client, runner, options).RunAsync());
            }

            if ((options.Suites & BenchSuite.Storage) != 0)
            {
                progress.WriteLine("State writes:");
                measured.AddRange(await new StorageSuite(cluster.Client, runner, options, dataDirectory).RunAsync());
            }

            return measured;
        });
        if (comparisons is null)
        {
            return 1;
        }

        ResultReport.Print("Maestro runtime benchmark", "runtime", startedUtc, options, comparisons, new
        {
            durationSeconds = options.Duration.TotalSeconds,
            warmupSeconds = options.Warmup.TotalSeconds,
            callers = options.Callers,
            rounds = options.Rounds,
            suites = options.Suites.ToString(),
        });

        // 0 whether or not the targets are met: the bench informs people; it does not gate anything.
        return 0;
    }

    /// <summary>bench/results in the repository that holds this build, found by walking up to Maestro.sln.</summary>
    internal static string DefaultOutputDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Maestro.sln")))
            {
                return Path.Combine(dir.FullName, "bench", "results");
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), "bench", "results");
    }
}
