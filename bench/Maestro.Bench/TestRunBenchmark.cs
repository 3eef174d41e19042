using Maestro.Bench.Harness;
using Maestro.Bench.Reporting;
using Maestro.Bench.Suites;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Runtime.TestingHost;

namespace Maestro.Bench;

/// <summary>The "runs" command: one silo (real SQLite storage) running a junit-command suite through test-run execution vs the raw process.</summary>
internal static class TestRunBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var startedUtc = DateTime.UtcNow;
        var progress = Console.Error;
        if (RuntimeBenchmark.Configuration != "Release")
        {
            progress.WriteLine("warning: this is a Debug build; figures are not meaningful. Use: dotnet run -c Release --project bench/Maestro.Bench -- runs");
        }

        var dataDirectory = Path.Combine(options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "maestro-bench"), Guid.NewGuid().ToString("N"));
        var workspace = Directory.CreateDirectory(Path.Combine(dataDirectory, "workspaces")).FullName;
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Maestro test-run benchmark: 2 cases x {options.Rounds} rounds of {options.Duration.TotalSeconds:0.##} s. Data in {dataDirectory}"));

        var builder = new InProcessTestClusterBuilder().ConfigureHost(host => host.Services.AddTestExecution(o =>
        {
            o.WorkspaceRoot = workspace;
            o.ArtifactRoot = Path.Combine(dataDirectory, "artifacts");
        }));
        builder.Options.DataDirectory = Path.Combine(dataDirectory, "silo");
        builder.Options.ServiceId = "bench";
        var cluster = builder.Build();
        var comparisons = await SingleSiloRun.MeasureAsync(cluster, progress, async () =>
            await new TestRunSuite(cluster.Client, workspace, new PairRunner(options, progress)).RunAsync());
        if (comparisons is null)
        {
            return 1;
        }

        ResultReport.Print("Maestro test-run benchmark", "runs", startedUtc, options, comparisons, new
        {
            durationSeconds = options.Duration.TotalSeconds,
            warmupSeconds = options.Warmup.TotalSeconds,
            rounds = options.Rounds,
            testsPerRun = TestRunSuite.TestsPerRun,
            manyCallers = TestRunSuite.ManyCallers,
        });

        // 0 whether or not the target is met: the bench informs people; it does not gate anything.
        return 0;
    }
}
