namespace Maestro.Runtime.Tests.Storage.Grains;

public sealed class PersistentCounterGrain([PersistentState("count")] IPersistentState<CountState> count) : Grain, IPersistentCounterGrain
{
    public async Task<int> Add(int amount)
    {
        count.State.Value += amount;
        await count.WriteStateAsync();
        return count.State.Value;
    }

    public async Task<int> AddReloadingOnConflict(int amount)
    {
        count.State.Value += amount;
        try
        {
            await count.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            await count.ReadStateAsync();
            count.State.Value += amount;
            await count.WriteStateAsync();
        }

        return count.State.Value;
    }

    public Task<int> Get() => Task.FromResult(count.State.Value);

    public Task<string?> GetEtag() => Task.FromResult(count.Etag);

    public Task<Guid> GetActivationId() => Task.FromResult(GrainContext.ActivationId);
}
