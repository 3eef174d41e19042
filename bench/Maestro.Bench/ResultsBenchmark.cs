using Maestro.Bench.Baselines;
using Maestro.Bench.Results;
using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.Analytics;
using Maestro.Grains.TestRuns.Parsing;
using Maestro.Runtime.TestingHost;

namespace Maestro.Bench;

/// <summary>
/// The "results" command. Ingestion: the same JUnit files parsed and imported through <see cref="ITestRunGrain"/>
/// (one write for the run, one per test history, one for the suite, on SQLite) beside a plain parse of them and beside
/// a raw SQLite upsert loop writing one row per result (the storage's own table and connection settings). Flaky
/// analysis: <see cref="FlakyDetector"/> over 10,000 tests × 100 runs beside a plain loop that counts flips and failures
/// over the same data. Each pair alternates for --rounds rounds and keeps the best of each.
/// </summary>
internal static class ResultsBenchmark
{
    private const int Files = 10;
    private const int TestsPerFile = 1000;
    private const int HistoryTests = 10_000;
    private const int HistoryRuns = 100;

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var progress = Console.Error;
        var dataDirectory = Path.Combine(options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "maestro-bench"), Guid.NewGuid().ToString("N"));
        var files = Enumerable.Range(0, Files).Select(i => SyntheticResults.JUnitFile(i, TestsPerFile)).ToArray();
        var limits = new ResultParserLimits();
        var results = Files * TestsPerFile;
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Maestro results benchmark: {Files} JUnit files x {TestsPerFile} tests ({files.Sum(f => f.Length) / 1024} KiB), {options.Rounds} rounds. Data in {dataDirectory}"));

        var builder = new InProcessTestClusterBuilder();
        builder.Options.DataDirectory = dataDirectory;
        builder.Options.ServiceId = "bench-results";
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        using var raw = new SqliteUpsertLoop(Path.Combine(dataDirectory, "raw.db"), TestsPerFile);
        double bestParse = 0, bestImport = 0, bestRaw = 0;
        for (var round = 1; round <= options.Rounds; round++)
        {
            var parse = Time(() =>
            {
                foreach (var file in files)
                {
                    ResultFileParser.Parse(file, ResultFormat.JUnit, limits);
                }
            });
            var import = await TimeAsync(async () =>
            {
                for (var i = 0; i < files.Length; i++)
                {
                    var tests = ResultFileParser.Parse(files[i], ResultFormat.JUnit, limits);
                    var metadata = new TestRunMetadata("bench", "junit-import", "bench", "main", $"c{round}");
                    await cluster.Client.GetGrain<ITestRunGrain>($"round{round}-file{i}").Import(new TestRunImport(metadata, ResultFormat.JUnit, $"file{i}.xml", tests));
                }
            });
            var rawWrites = await TimeAsync(async () =>
            {
                for (var i = 0; i < files.Length; i++)
                {
                    for (var test = 0; test < TestsPerFile; test++)
                    {
                        await raw.UpsertAsync(test, i);
                    }
                }
            });
            bestParse = Math.Max(bestParse, results / parse);
            bestRaw = Math.Max(bestRaw, results / rawWrites);
            bestImport = Math.Max(bestImport, results / import);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round}: parse {results / parse,10:N0} results/s, import through the run grain {results / import,10:N0} results/s, raw upserts {results / rawWrites,10:N0} rows/s"));
        }

        var histories = SyntheticResults.Histories(HistoryTests, HistoryRuns);
        // The whole history is the window, so the detector and the loop read the same 100 entries per test.
        var flakyOptions = new FlakyDetectionOptions { WindowSize = HistoryRuns };
        double bestDetector = 0, bestLoop = 0;
        var flaky = 0;
        var loopSignal = 0L;
        for (var round = 1; round <= options.Rounds; round++)
        {
            var loop = Time(() => loopSignal = PlainLoop(histories));
            var detector = Time(() => flaky = histories.Count(h => FlakyDetector.Evaluate(h, flakyOptions).Classification == FlakyClassification.Flaky));
            bestLoop = Math.Max(bestLoop, HistoryTests / loop);
            bestDetector = Math.Max(bestDetector, HistoryTests / detector);
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round}: plain loop {loop * 1000,8:N1} ms, flaky detector {detector * 1000,8:N1} ms for {HistoryTests:N0} tests x {HistoryRuns} runs"));
        }

        var output = Console.Out;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Maestro results benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC - {Environment.ProcessorCount} cores, {RuntimeBenchmark.Configuration}, best of {options.Rounds} rounds"));
        output.WriteLine();
        output.WriteLine("figure                                   per second  raw baseline                         per second   ratio");
        output.WriteLine("---------------------------------------  ----------  -----------------------------------  ----------  ------");
        Row(output, "results imported through ITestRunGrain", bestImport, "plain parse of the same files", bestParse);
        Row(output, "results imported through ITestRunGrain", bestImport, "raw SQLite upsert, a row per result", bestRaw);
        Row(output, "tests analysed by FlakyDetector (x100)", bestDetector, "plain flip/failure loop, same data", bestLoop);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Flaky analysis of {HistoryTests:N0} tests x {HistoryRuns} runs: {HistoryTests / bestDetector * 1000:N0} ms (plain loop {HistoryTests / bestLoop * 1000:N0} ms); {flaky:N0} tests flaky; loop checksum {loopSignal}."));
        return 0;
    }

    /// <summary>The least work a flaky rule needs: flips and failures per test, skipping infrastructure runs.</summary>
    private static long PlainLoop(List<TestHistoryEntry>[] histories)
    {
        long total = 0;
        foreach (var history in histories)
        {
            var flips = 0;
            var failures = 0;
            bool? previous = null;
            foreach (var entry in history)
            {
                if (entry.InfrastructureFailure)
                {
                    continue;
                }

                var failed = entry.Status is TestStatus.Failed or TestStatus.Error;
                failures += failed ? 1 : 0;
                flips += previous is { } p && p != failed ? 1 : 0;
                previous = failed;
            }

            total += flips + failures;
        }

        return total;
    }

    private static void Row(TextWriter output, string figure, double perSecond, string baseline, double baselinePerSecond) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{figure,-39}  {perSecond,10:N0}  {baseline,-35}  {baselinePerSecond,10:N0}  {perSecond / baselinePerSecond * 100,5:F1}%"));

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }
}
