using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using Maestro.Bench.Harness;

namespace Maestro.Bench.Reporting;

/// <summary>Writes a run as JSON (bench/results/runtime-&lt;timestamp&gt;.json), so runs can be compared over time.</summary>
internal static class ResultFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(string directory, DateTime startedUtc, BenchOptions options, IReadOnlyList<Comparison> comparisons)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"runtime-{startedUtc:yyyyMMdd-HHmmss}.json");
        var document = new
        {
            benchmark = "runtime",
            startedUtc,
            machine = new
            {
                processorCount = Environment.ProcessorCount,
                os = RuntimeInformation.OSDescription,
                framework = RuntimeInformation.FrameworkDescription,
                serverGc = GCSettings.IsServerGC,
                configuration = RuntimeBenchmark.Configuration,
            },
            options = new
            {
                durationSeconds = options.Duration.TotalSeconds,
                warmupSeconds = options.Warmup.TotalSeconds,
                callers = options.Callers,
                rounds = options.Rounds,
                suites = options.Suites.ToString(),
            },
            comparisons = comparisons.Select(c => new
            {
                figure = c.Figure,
                callers = c.Subject.Callers,
                ratio = c.Ratio,
                target = c.Target,
                verdict = c.Verdict,
                subject = c.Subject,
                baseline = c.Baseline,
            }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
        return path;
    }
}
