using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Maestro.Runtime.Metadata;

namespace Maestro.Runtime.Statistics;

/// <summary>
/// This silo's grain-call counters for the dashboard. Every call the silo runs (from this silo or another) reads
/// <see cref="IsCollecting"/>, one volatile field; only while it is true is the call counted in its method's striped
/// counters. Only some calls are timed for the latency average, about <see cref="TimedCallsPerSecond"/> a second
/// whatever the load (every call while the silo is quiet, one in 2048 at two million calls a second): two clock reads
/// on every call would cost more than everything else together. A timer turns the totals into one sample per second,
/// kept for 100 s, samples the process's CPU, sets how many calls are timed, and switches counting off once the window
/// has passed.
/// </summary>
public sealed class GrainCallStatistics : IDisposable
{
    /// <summary>Seconds of history kept, as the Orleans dashboard's <c>HistoryLength</c>.</summary>
    public const int HistoryLength = 100;

    /// <summary>About how many calls a second are timed, over all threads.</summary>
    public const int TimedCallsPerSecond = 1000;

    /// <summary>At most one call in this many of a thread is left untimed in a row (a power of two).</summary>
    public const int MaxTimingInterval = 4096;

    /// <summary>What <see cref="Start"/> returns for a call that is counted but not timed (no Stopwatch timestamp is this small).</summary>
    internal const long CountOnly = 1;

    [ThreadStatic]
    private static int callsOnThread;

    private readonly ConcurrentDictionary<CounterKey, MethodCallCounters> counters = new();
    private readonly Queue<StatisticsSample> history = new(HistoryLength);
    private readonly Lock sampleLock = new();
    private readonly TimeProvider timeProvider;
    private readonly long windowMilliseconds;
    private readonly ITimer sampler;
    private readonly Process process = Process.GetCurrentProcess();
    private long collectUntil;
    private volatile bool collecting;
    private volatile object period = new();
    private (long Calls, long Errors, long Timed, long Ticks) previousTotals;
    private (TimeSpan Cpu, long Timestamp)? previousCpu;
    private double cpuPercent;

    // A call is timed when a thread's call count has these bits clear: 0 times every call.
    private int timingMask;

    internal GrainCallStatistics(IOptions<GrainCallStatisticsOptions> options, TimeProvider timeProvider)
    {
        var settings = options.Value;
        settings.Validate();
        this.timeProvider = timeProvider;
        windowMilliseconds = (long)settings.CollectionWindow.TotalMilliseconds;
        sampler = timeProvider.CreateTimer(static s => ((GrainCallStatistics)s!).Sample(), this, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>
    /// Whether calls are being counted: a request for statistics arrived within the collection window (switched off
    /// by the once-a-second sampler, so up to a second after the window ends).
    /// </summary>
    public bool IsCollecting => collecting;

    /// <summary>
    /// Switches counting on, or keeps it on, for the collection window from now. Switching on from off starts the
    /// counters and the history afresh, so figures never mix two periods of looking.
    /// </summary>
    public void KeepCollecting()
    {
        var now = Environment.TickCount64;
        Interlocked.Exchange(ref collectUntil, now + windowMilliseconds);
        if (!collecting)
        {
            lock (sampleLock)
            {
                if (!collecting)
                {
                    counters.Clear();
                    period = new object();
                    history.Clear();
                    previousTotals = default;
                    previousCpu = null;
                    cpuPercent = 0;
                    timingMask = 0;
                    collecting = true;
                }
            }
        }
    }

    /// <summary>
    /// The figures now. <paramref name="activationsByType"/> comes from the caller, which knows the catalog, so the
    /// counters never hold activations alive.
    /// </summary>
    public SiloStatistics Snapshot(string address, string siloName, DateTimeOffset startedAt, Dictionary<string, int> activationsByType)
    {
        ArgumentNullException.ThrowIfNull(activationsByType);
        var methods = counters.Values
            .Select(c => new MethodStatistics(c.GrainType, $"{c.InterfaceName}.{c.MethodName}", c.Calls, c.Errors, EstimatedMilliseconds(c.Calls, c.TimedCalls, c.ElapsedTicks)))
            .OrderBy(m => m.GrainType, StringComparer.Ordinal).ThenBy(m => m.Method, StringComparer.Ordinal)
            .ToArray();
        StatisticsSample[] samples;
        double cpu;
        lock (sampleLock)
        {
            samples = [.. history];
            cpu = cpuPercent;
        }

        return new SiloStatistics(
            address,
            siloName,
            startedAt,
            IsCollecting,
            activationsByType.Values.Sum(),
            activationsByType,
            cpu,
            Environment.WorkingSet,
            GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            methods,
            samples);
    }

    public void Dispose()
    {
        sampler.Dispose();
        process.Dispose();
    }

    /// <summary>Called as a call starts while collecting: a Stopwatch timestamp when this call is timed, else <see cref="CountOnly"/>.</summary>
    internal long Start() => (++callsOnThread & timingMask) == 0 ? Stopwatch.GetTimestamp() : CountOnly;

    /// <summary>Adds one finished call; <paramref name="started"/> is what <see cref="Start"/> returned for it.</summary>
    internal void Record(GrainClassMetadata grainClass, GrainMethodDescriptor method, long started, bool failed)
    {
        var elapsed = started == CountOnly ? -1 : Stopwatch.GetTimestamp() - started;
        // The method's last counters, cached on its descriptor, serve while they are this class's and this silo's period's:
        // nearly always, since an interface method is rarely implemented by two grain classes.
        var entry = method.StatisticsCounters;
        var current = period;
        if (entry is null || !ReferenceEquals(entry.GrainClass, grainClass) || !ReferenceEquals(entry.Period, current))
        {
            entry = counters.GetOrAdd(
                new CounterKey(grainClass, method),
                static (k, g) => new MethodCallCounters(k.GrainClass, k.Method.InterfaceName, k.Method.MethodName, g),
                current);
            method.StatisticsCounters = entry;
        }

        entry.Add(elapsed, failed);
    }

    /// <summary>The mask that times about <see cref="TimedCallsPerSecond"/> of <paramref name="callsPerSecond"/>: the interval's power of two, minus one.</summary>
    internal static int TimingMask(long callsPerSecond)
    {
        var interval = 1;
        while (interval < MaxTimingInterval && (long)interval * TimedCallsPerSecond < callsPerSecond)
        {
            interval <<= 1;
        }

        return interval - 1;
    }

    private static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>The summed duration of all <paramref name="calls"/>, from the average of the timed ones.</summary>
    private static double EstimatedMilliseconds(long calls, long timed, long ticks) => timed == 0 ? 0 : ToMilliseconds(ticks) / timed * calls;

    private void Sample()
    {
        if (!collecting)
        {
            return;
        }

        if (Environment.TickCount64 >= Volatile.Read(ref collectUntil))
        {
            // KeepCollecting moves the deadline (a full fence) before it reads the flag; fencing here before reading the
            // deadline again means one of the two always sees the other, so a request racing the switch-off wins.
            collecting = false;
            Interlocked.MemoryBarrier();
            if (Environment.TickCount64 < Volatile.Read(ref collectUntil))
            {
                collecting = true;
            }

            return;
        }

        long calls = 0, errors = 0, timed = 0, ticks = 0;
        foreach (var entry in counters.Values)
        {
            calls += entry.Calls;
            errors += entry.Errors;
            timed += entry.TimedCalls;
            ticks += entry.ElapsedTicks;
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime, Stopwatch.GetTimestamp());
        lock (sampleLock)
        {
            var (lastCalls, lastErrors, lastTimed, lastTicks) = previousTotals;
            previousTotals = (calls, errors, timed, ticks);
            if (history.Count == HistoryLength)
            {
                history.Dequeue();
            }

            // Counters restarted by KeepCollecting between two samples count from zero again.
            timingMask = TimingMask(Math.Max(0, calls - lastCalls));
            history.Enqueue(new StatisticsSample(
                timeProvider.GetUtcNow().ToUnixTimeSeconds(),
                Math.Max(0, calls - lastCalls),
                Math.Max(0, errors - lastErrors),
                EstimatedMilliseconds(Math.Max(0, calls - lastCalls), Math.Max(0, timed - lastTimed), Math.Max(0, ticks - lastTicks))));
            if (previousCpu is { } last)
            {
                var wall = Stopwatch.GetElapsedTime(last.Timestamp, cpu.Item2);
                cpuPercent = wall > TimeSpan.Zero
                    ? Math.Clamp((cpu.TotalProcessorTime - last.Cpu) / wall / Environment.ProcessorCount * 100, 0, 100)
                    : cpuPercent;
            }

            previousCpu = cpu;
        }
    }

    /// <summary>A grain class and one of its methods, compared by reference: both are created once per silo.</summary>
    private readonly record struct CounterKey(GrainClassMetadata GrainClass, GrainMethodDescriptor Method)
    {
        public bool Equals(CounterKey other) => ReferenceEquals(GrainClass, other.GrainClass) && ReferenceEquals(Method, other.Method);

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(GrainClass), RuntimeHelpers.GetHashCode(Method));
    }
}
