namespace Maestro.Runtime.Statistics;

/// <summary>
/// The running totals of one grain class's method: calls, failed calls, and the duration of the calls that were
/// timed. Striped by thread: each of the first <see cref="OwnedStripes"/> threads that count owns a stripe and adds
/// to it with plain writes (one writer per stripe, so no interlocked instruction on the hot path); later threads share
/// the last stripe with interlocked adds. Each stripe has two cache lines to itself, so no two threads write the same
/// line (nor its prefetched neighbour). Readers add the stripes up. (A stripe per thread rather than per processor:
/// asking for the processor costs more than the whole count on some virtual machines.)
/// </summary>
internal sealed class MethodCallCounters
{
    /// <summary>Threads that get a stripe of their own, over the process's life (a thread keeps its stripe until it ends).</summary>
    public const int OwnedStripes = 31;

    // Calls, errors, timed calls, elapsed ticks; padded to 128 bytes per stripe.
    private const int StripeLength = 16;
    private const int StripeCount = OwnedStripes + 1;
    private static int lastTicket;

    [ThreadStatic]
    private static int threadStripe;

    private readonly long[] cells = new long[StripeCount * StripeLength];

    public MethodCallCounters(Metadata.GrainClassMetadata grainClass, string interfaceName, string methodName, object period)
    {
        GrainClass = grainClass;
        GrainType = grainClass.GrainType.Value;
        InterfaceName = interfaceName;
        MethodName = methodName;
        Period = period;
    }

    /// <summary>The class these counters are for; with <see cref="Period"/>, what a cached reference is checked against.</summary>
    public Metadata.GrainClassMetadata GrainClass { get; }

    /// <summary>
    /// The counting period they belong to: a token each silo's statistics renew whenever counting switches on, so
    /// counters of an earlier period, or of another silo in the same process, are never counted into.
    /// </summary>
    public object Period { get; }

    public string GrainType { get; }

    public string InterfaceName { get; }

    public string MethodName { get; }

    public long Calls => Sum(0);

    public long Errors => Sum(1);

    public long TimedCalls => Sum(2);

    public long ElapsedTicks => Sum(3);

    /// <summary>Adds a call; <paramref name="elapsed"/> is its duration in Stopwatch ticks, or negative when it was not timed.</summary>
    public void Add(long elapsed, bool failed)
    {
        var stripe = threadStripe;
        if (stripe == 0)
        {
            // 1-based, so 0 means "not assigned yet" on a new thread; StripeCount is the shared stripe.
            stripe = threadStripe = Math.Min(Interlocked.Increment(ref lastTicket), StripeCount);
        }

        var at = (stripe - 1) * StripeLength;
        if (stripe < StripeCount)
        {
            // This thread is the stripe's only writer: an ordinary add cannot lose a count, and a 64-bit store is atomic.
            Volatile.Write(ref cells[at], cells[at] + 1);
            if (failed)
            {
                Volatile.Write(ref cells[at + 1], cells[at + 1] + 1);
            }

            if (elapsed >= 0)
            {
                Volatile.Write(ref cells[at + 2], cells[at + 2] + 1);
                Volatile.Write(ref cells[at + 3], cells[at + 3] + elapsed);
            }

            return;
        }

        Interlocked.Increment(ref cells[at]);
        if (failed)
        {
            Interlocked.Increment(ref cells[at + 1]);
        }

        if (elapsed >= 0)
        {
            Interlocked.Increment(ref cells[at + 2]);
            Interlocked.Add(ref cells[at + 3], elapsed);
        }
    }

    private long Sum(int offset)
    {
        long total = 0;
        for (var i = offset; i < cells.Length; i += StripeLength)
        {
            total += Volatile.Read(ref cells[i]);
        }

        return total;
    }
}
