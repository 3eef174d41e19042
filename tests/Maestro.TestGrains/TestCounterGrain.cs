using Maestro.Runtime;
using Maestro.Runtime.Hosting;

namespace Maestro.TestGrains;

/// <summary>Counts in grain storage, and tells which silo and which activation answered.</summary>
public sealed class TestCounterGrain(ISiloStatus silo, [PersistentState("count")] IPersistentState<TestCounterState> count)
    : Grain, ITestCounterGrain
{
    public async Task<long> Increment()
    {
        count.State.Value++;
        await count.WriteStateAsync();
        return count.State.Value;
    }

    public Task<long> Get() => Task.FromResult(count.State.Value);

    public Task<string> GetSiloName() => Task.FromResult(silo.SiloName);

    public Task<string> GetActivationId() => Task.FromResult(GrainContext.ActivationId.ToString("N"));
}
