using Maestro.Bench.Harness;
using Maestro.Bench.Reporting;
using Maestro.Bench.Suites;
using Maestro.Grains.Workflows;
using Maestro.Runtime.TestingHost;

namespace Maestro.Bench;

/// <summary>The "workflows" command: one silo (real SQLite storage) with the workflow engine, steps through the engine vs a plain loop.</summary>
internal static class WorkflowBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var startedUtc = DateTime.UtcNow;
        var progress = Console.Error;
        if (RuntimeBenchmark.Configuration != "Release")
        {
            progress.WriteLine("warning: this is a Debug build; figures are not meaningful. Use: dotnet run -c Release --project bench/Maestro.Bench -- workflows");
        }

        var dataDirectory = Path.Combine(options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "maestro-bench"), Guid.NewGuid().ToString("N"));
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Maestro workflow benchmark: 4 cases x {options.Rounds} rounds of {options.Duration.TotalSeconds:0.##} s. Data in {dataDirectory}"));

        var builder = new InProcessTestClusterBuilder().ConfigureHost(host => host.Services.AddMaestroWorkflows());
        builder.Options.DataDirectory = dataDirectory;
        builder.Options.ServiceId = "bench";
        var cluster = builder.Build();
        var comparisons = await SingleSiloRun.MeasureAsync(cluster, progress, async () =>
            await new WorkflowSuite(cluster.Client, cluster.ServiceProvider, new PairRunner(options, progress)).RunAsync());
        if (comparisons is null)
        {
            return 1;
        }

        ResultReport.Print("Maestro workflow benchmark", "workflows", startedUtc, options, comparisons, new
        {
            durationSeconds = options.Duration.TotalSeconds,
            warmupSeconds = options.Warmup.TotalSeconds,
            rounds = options.Rounds,
            stepsPerWorkflow = WorkflowSuite.StepsPerWorkflow,
            manyCallers = WorkflowSuite.ManyCallers,
        });

        // 0 whether or not the targets are met: the bench informs people; it does not gate anything.
        return 0;
    }
}
