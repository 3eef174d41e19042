namespace Maestro.Runtime.Tests.Grains;

/// <summary>The behaviour shared by the reentrant and non-reentrant turn grains; only the attribute differs.</summary>
public abstract class TurnGrainBase(Probe probe) : Grain, ITurnGrain
{
    private int arrivals;

    public async Task Work()
    {
        using (probe.Enter())
        {
            for (var i = 0; i < 5; i++)
            {
                await Task.Delay(2);
            }
        }
    }

    public Task WaitFor(string signal)
    {
        probe.Record($"waiting:{signal}");
        return probe.Signal(signal).Task;
    }

    public async Task Rendezvous(string name, int count)
    {
        if (Interlocked.Increment(ref arrivals) >= count)
        {
            probe.Signal(name).TrySetResult();
        }

        await probe.Signal(name).Task;
    }

    public Task ReadOnlyRendezvous(string name, int count) => Rendezvous(name, count);

    public Task<string> Interleaving() => Task.FromResult("interleaved");

    public async Task<bool> StaysOnItsActivation()
    {
        var ok = true;
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(1);
            ok &= ReferenceEquals(RuntimeContext.Current, GrainContext) && TaskScheduler.Current != TaskScheduler.Default;
        }

        return ok;
    }
}
