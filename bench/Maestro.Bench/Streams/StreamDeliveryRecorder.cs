using System.Diagnostics;

namespace Maestro.Bench.Streams;

/// <summary>Counts delivered events and keeps each one's latency (µs) while recording is on.</summary>
public sealed class StreamDeliveryRecorder
{
    private readonly object gate = new();
    private readonly List<double> latencies = [];
    private long delivered;

    public long Delivered => Interlocked.Read(ref delivered);

    public void Record(BenchStreamEvent item)
    {
        var micros = Stopwatch.GetElapsedTime(item.CreatedTimestamp).TotalMicroseconds;
        Interlocked.Increment(ref delivered);
        lock (gate)
        {
            latencies.Add(micros);
        }
    }

    /// <summary>Returns and clears the latencies recorded so far, sorted.</summary>
    public double[] TakeLatencies()
    {
        lock (gate)
        {
            var sorted = latencies.Order().ToArray();
            latencies.Clear();
            return sorted;
        }
    }
}
