using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using Maestro.Bench.Harness;
using Maestro.Bench.Suites;

namespace Maestro.Bench.Reporting;

/// <summary>Writes a cluster run as JSON (bench/results/cluster-&lt;timestamp&gt;.json), beside the runtime runs.</summary>
internal static class ClusterResultFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(string directory, DateTime startedUtc, BenchOptions options, IReadOnlyList<Comparison> comparisons, FailoverMeasurement? failover)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"cluster-{startedUtc:yyyyMMdd-HHmmss}.json");
        var document = new
        {
            benchmark = "cluster",
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
            failover = failover is null ? null : new
            {
                seconds = failover.Seconds,
                targetSeconds = failover.TargetSeconds,
                verdict = failover.Verdict,
                failedAttempts = failover.FailedAttempts,
                firstError = failover.FirstError,
                hostBefore = failover.HostBefore,
                hostAfter = failover.HostAfter,
            },
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, Json));
        return path;
    }
}
