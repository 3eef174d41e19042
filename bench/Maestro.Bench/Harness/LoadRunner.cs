namespace Maestro.Bench.Harness;

/// <summary>
/// Runs closed-loop callers (each awaits its call before making the next) for a warm-up and then a measured window.
/// The window is fixed in advance as two timestamps, so every caller decides alone whether a call counts: no shared
/// counter or flag sits on the hot path to distort what is measured.
/// </summary>
internal static class LoadRunner
{
    private const int InitialSamplesPerCaller = 1 << 14;

    /// <summary>How long after the window the last calls may take to come back before the run is declared stuck.</summary>
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(10);

    public static async Task<Measurement> RunAsync(string name, int callers, Operation operation, TimeSpan warmup, TimeSpan duration)
    {
        // A collection now, not in the middle of the window, and a clean slate for the allocation count.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var launch = Stopwatch.GetTimestamp();
        var windowStart = launch + Ticks(warmup);
        var windowEnd = windowStart + Ticks(duration);
        var samples = new List<long>[callers];
        var loops = new Task[callers];
        for (var c = 0; c < callers; c++)
        {
            samples[c] = new List<long>(InitialSamplesPerCaller);
            loops[c] = CallerAsync(c, operation, windowStart, windowEnd, samples[c]);
        }

        // Reads the GC and CPU figures at the window's edges from here, off the callers' path. CPU time is the whole
        // process's (all threads, user + kernel), so CPU per operation shows what a figure costs beyond its baseline;
        // thread-pool work items per operation count the thread hops.
        await DelayUntil(windowStart);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var poolItemsBefore = ThreadPool.CompletedWorkItemCount;
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        await DelayUntil(windowEnd);
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        var poolItems = ThreadPool.CompletedWorkItemCount - poolItemsBefore;
        gen0 = GC.CollectionCount(0) - gen0;
        gen1 = GC.CollectionCount(1) - gen1;
        gen2 = GC.CollectionCount(2) - gen2;
        try
        {
            await Task.WhenAll(loops).WaitAsync(StallLimit);
        }
        catch (TimeoutException)
        {
            var stuck = loops.Count(l => !l.IsCompleted);
            throw new TimeoutException(
                $"{name}: {stuck} of {callers} callers still had a call outstanding {StallLimit.TotalSeconds:0} s after the window closed; a call is stuck.");
        }

        var all = new long[samples.Sum(s => s.Count)];
        var offset = 0;
        foreach (var list in samples)
        {
            list.CopyTo(all, offset);
            offset += list.Count;
        }

        Array.Sort(all);
        var seconds = duration.TotalSeconds;
        return new Measurement(
            name,
            callers,
            all.Length,
            seconds,
            all.Length / seconds,
            Microseconds(Percentile(all, 0.50)),
            Microseconds(Percentile(all, 0.99)),
            Microseconds(Percentile(all, 0.999)),
            Microseconds(all.Length == 0 ? 0 : all[^1]),
            all.Length == 0 ? 0 : Microseconds((long)all.Average()),
            all.Length == 0 ? 0 : (double)allocated / all.Length,
            all.Length == 0 ? 0 : cpu.TotalMicroseconds / all.Length,
            all.Length == 0 ? 0 : (double)poolItems / all.Length,
            gen0,
            gen1,
            gen2);
    }

    private static async Task CallerAsync(int caller, Operation operation, long windowStart, long windowEnd, List<long> samples)
    {
        // Leaves the starting thread at once, so all callers begin together rather than one after another.
        await Task.Yield();
        var sequence = 0;
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            await operation(caller, sequence++);
            var end = Stopwatch.GetTimestamp();
            if (end >= windowEnd)
            {
                return;
            }

            if (end >= windowStart)
            {
                samples.Add(end - start);
            }
        }
    }

    private static Task DelayUntil(long timestamp)
    {
        var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        return remaining > TimeSpan.Zero ? Task.Delay(remaining) : Task.CompletedTask;
    }

    private static long Percentile(long[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[(int)Math.Round(quantile * (sorted.Length - 1), MidpointRounding.AwayFromZero)];

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static double Microseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
