using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using Maestro.Bench.Harness;

namespace Maestro.Bench.Reporting;

/// <summary>Writes a run as JSON (bench/results/&lt;benchmark&gt;-&lt;timestamp&gt;.json), so runs can be compared over time.</summary>
internal static class ResultFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// Writes the shared parts (machine, comparisons) with this benchmark's own options record and any further
    /// top-level entries (e.g. the failover measurement).
    /// </summary>
    public static string Write(
        string directory, string benchmark, DateTime startedUtc, object settings, IReadOnlyList<Comparison> comparisons, IReadOnlyDictionary<string, object?>? extras = null)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{benchmark}-{startedUtc:yyyyMMdd-HHmmss}.json");
        var document = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["benchmark"] = benchmark,
            ["startedUtc"] = startedUtc,
            ["machine"] = new
            {
                processorCount = Environment.ProcessorCount,
                os = RuntimeInformation.OSDescription,
                framework = RuntimeInformation.FrameworkDescription,
                serverGc = GCSettings.IsServerGC,
                configuration = RuntimeBenchmark.Configuration,
            },
            ["options"] = settings,
            ["comparisons"] = comparisons.Select(c => new
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
        foreach (var (key, value) in extras ?? new Dictionary<string, object?>())
        {
            document[key] = value;
        }

        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
        return path;
    }

    /// <summary>The two heading lines every benchmark prints above its table.</summary>
    public static void WriteHeading(TextWriter output, string title, DateTime startedUtc, BenchOptions options)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}, {startedUtc:yyyy-MM-dd HH:mm:ss} UTC - {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {RuntimeBenchmark.Configuration}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"each case: {options.Warmup.TotalSeconds:0.##} s warm-up, best of {options.Rounds} alternating round(s) of {options.Duration.TotalSeconds:0.##} s; ratio = figure ops/s / baseline ops/s"));
    }
}
