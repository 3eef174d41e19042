using Maestro.Bench.Harness;
using Maestro.Bench.Journeys;
using Maestro.Bench.Reporting;
using Maestro.Grains.Tests.Journeys;

namespace Maestro.Bench;

/// <summary>
/// The "journeys" command: browser journey steps per second through the Playwright and Selenium adapters beside the
/// same actions as raw driver calls, on Debian's Chromium, against a page served on 127.0.0.1.
/// </summary>
internal static class JourneysBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var startedUtc = DateTime.UtcNow;
        var progress = Console.Error;
        if (RuntimeBenchmark.Configuration != "Release")
        {
            progress.WriteLine("warning: this is a Debug build; figures are not meaningful. Use: dotnet run -c Release --project bench/Maestro.Bench -- journeys");
        }

        var artifacts = Directory.CreateDirectory(Path.Combine(options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "maestro-bench"), Guid.NewGuid().ToString("N"))).FullName;
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Maestro journeys benchmark: 2 adapters x {options.Rounds} rounds of {JourneySuite.JourneysPerRound} journeys (1 navigation + {JourneySuite.Steps} steps each), each beside raw driver calls."));

        IReadOnlyList<Comparison> comparisons;
        await using (var server = await StaticPageServer.StartAsync(new Dictionary<string, string> { ["/bench"] = JourneySuite.Page }))
        {
            await using var suite = new JourneySuite(server.BaseUrl, options, progress, artifacts);
            comparisons = await suite.RunAsync();
        }

        Directory.Delete(artifacts, recursive: true);
        // Not ResultReport.Print: its heading speaks of timed windows, and these rounds count journeys.
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Maestro journeys benchmark, {startedUtc:yyyy-MM-dd HH:mm:ss} UTC - {Environment.ProcessorCount} cores, {RuntimeBenchmark.Configuration}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"figures per step; each case: one unmeasured journey, best of {options.Rounds} alternating rounds of {JourneySuite.JourneysPerRound} journeys; ratio = figure steps/s / baseline steps/s"));
        output.WriteLine();
        ResultTable.Write(output, comparisons);
        output.WriteLine();
        if (options.WriteJson)
        {
            var settings = new { rounds = options.Rounds, journeysPerRound = JourneySuite.JourneysPerRound, stepsPerJourney = JourneySuite.Steps + 1 };
            output.WriteLine($"JSON: {ResultFile.Write(options.OutputDirectory ?? RuntimeBenchmark.DefaultOutputDirectory(), "journeys", startedUtc, settings, comparisons)}");
        }

        return 0;
    }
}
