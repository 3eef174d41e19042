namespace Maestro.Bench;

/// <summary>Entry point: parses the command line, then runs the benchmark.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (BenchUsageException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            await Console.Error.WriteLineAsync("Run with --help to see the options.");
            return 2;
        }

        if (options.ShowHelp)
        {
            Console.WriteLine(BenchOptions.HelpText);
            return 0;
        }

        return options.Command switch
        {
            "cluster" => await ClusterBenchmark.RunAsync(options),
            "client" => await ClientBenchmark.RunAsync(options),
            "results" => await ResultsBenchmark.RunAsync(options),
            "workflows" => await WorkflowBenchmark.RunAsync(options),
            "runs" => await TestRunBenchmark.RunAsync(options),
            "streams" => await StreamsBenchmark.RunAsync(options),
            "registry" => await RegistryBenchmark.RunAsync(options),
            "gateway" => await GatewayBenchmark.RunAsync(options),
            "healing" => await HealingBenchmark.RunAsync(options),
            "dashboard" => await DashboardBenchmark.RunAsync(options),
            "journeys" => await JourneysBenchmark.RunAsync(options),
            "automation" => await AutomationBenchmark.RunAsync(options),
            _ => await RuntimeBenchmark.RunAsync(options),
        };
    }
}
