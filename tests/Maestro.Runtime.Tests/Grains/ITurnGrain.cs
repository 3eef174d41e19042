using Maestro.Runtime.Concurrency;

namespace Maestro.Runtime.Tests.Grains;

public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>Enters, awaits several times, leaves; the probe tracks how many run at once.</summary>
    Task Work();

    /// <summary>Blocks until the probe signal of that name is set.</summary>
    Task WaitFor(string signal);

    /// <summary>Records its arrival then waits until <paramref name="count"/> calls have arrived.</summary>
    Task Rendezvous(string name, int count);

    [ReadOnly]
    Task ReadOnlyRendezvous(string name, int count);

    [AlwaysInterleave]
    Task<string> Interleaving();

    /// <summary>True when every continuation of this turn ran with this activation as the runtime context.</summary>
    Task<bool> StaysOnItsActivation();
}
