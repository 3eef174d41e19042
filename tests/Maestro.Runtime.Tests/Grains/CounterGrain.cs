namespace Maestro.Runtime.Tests.Grains;

public sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> counter) : Grain, ICounterGrain
{
    public async Task<int> Increment(int by)
    {
        counter.State.Value += by;
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<int> Get() => Task.FromResult(counter.State.Value);

    public Task<string?> GetEtag() => Task.FromResult(counter.Etag);

    public Task Clear() => counter.ClearStateAsync();

    public Task<Guid> GetActivationId() => Task.FromResult(GrainContext.ActivationId);
}
