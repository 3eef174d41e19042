using System.Collections.Concurrent;

namespace Maestro.Runtime.Tests.Grains;

/// <summary>A per-silo recorder that test grains write to, so tests can see what happened inside the silo.</summary>
public sealed class Probe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> signals = new();
    private int inFlight;
    private int maxInFlight;

    public ConcurrentQueue<string> Events { get; } = new();

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public void Record(string @event) => Events.Enqueue(@event);

    public bool Saw(string @event) => Events.Contains(@event);

    /// <summary>A one-shot signal by name, created on first use by either side.</summary>
    public TaskCompletionSource Signal(string name) =>
        signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public IDisposable Enter()
    {
        var now = Interlocked.Increment(ref inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref maxInFlight)) && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen)
        {
        }

        return new Exit(this);
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails the test after 20 s instead of hanging.</summary>
    public static async Task Eventually(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    private sealed class Exit(Probe probe) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref probe.inFlight);
    }
}
