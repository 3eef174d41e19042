namespace Maestro.Runtime.Tests.Storage.Grains;

public sealed class CounterForwardingGrain : Grain, ICounterForwardingGrain
{
    public Task<int> AddTo(string counterKey, int amount) => GrainFactory.GetGrain<IPersistentCounterGrain>(counterKey).Add(amount);

    public Task<Guid> GetActivationId() => Task.FromResult(GrainContext.ActivationId);
}
