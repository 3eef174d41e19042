namespace Maestro.Runtime.Statistics;

/// <summary>
/// The running totals of one grain class's method: calls, failed calls, and the duration of the calls that were
/// timed. Striped by thread, each stripe on its own cache line, so threads on different cores rarely write the same
/// line; readers add the stripes up. (A stripe per thread rather than per processor: asking for the processor costs
/// more than the whole count on some virtual machines.)
/// </summary>
internal sealed class MethodCallCounters
{
    // Calls, errors, timed calls, elapsed ticks; padded to 64 bytes per stripe.
    private const int StripeLength = 8;
    private static readonly int StripeMask = StripeCount() - 1;
    private static int lastStripe;

    [ThreadStatic]
    private static int threadStripe;

    private readonly long[] cells = new long[(StripeMask + 1) * StripeLength];

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
            // 1-based, so 0 means "not assigned yet" on a new thread.
            stripe = threadStripe = ((Interlocked.Increment(ref lastStripe) - 1) & StripeMask) + 1;
        }

        stripe = (stripe - 1) * StripeLength;
        Interlocked.Increment(ref cells[stripe]);
        if (failed)
        {
            Interlocked.Increment(ref cells[stripe + 1]);
        }

        if (elapsed >= 0)
        {
            Interlocked.Increment(ref cells[stripe + 2]);
            Interlocked.Add(ref cells[stripe + 3], elapsed);
        }
    }

    private static int StripeCount()
    {
        var count = 1;
        while (count < Environment.ProcessorCount * 4 && count < 64)
        {
            count <<= 1;
        }

        return count;
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
