using Maestro.Runtime.Tests.Grains;

namespace Maestro.Runtime.Tests.MultiSilo;

/// <summary>Records every OnActivateAsync in the probe the silos of a test share, so duplicates anywhere in the cluster show.</summary>
public sealed class ClusterCounterGrain(Probe probe, ISiloStatus silo, [PersistentState("count")] IPersistentState<ClusterCounterState> count)
    : Grain, IClusterCounterGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate:{this.GetPrimaryKeyString()}:{silo.SiloName}");
        return Task.CompletedTask;
    }

    public async Task<int> Add(int amount)
    {
        count.State.Value += amount;
        await count.WriteStateAsync();
        return count.State.Value;
    }

    public Task<int> Get() => Task.FromResult(count.State.Value);

    public Task<Guid> GetActivationId() => Task.FromResult(GrainContext.ActivationId);

    public Task<string> GetSiloName() => Task.FromResult(silo.SiloName);

    public async Task WaitForCancellation(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        probe.Record($"waiting:{key}");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            probe.Record($"cancelled:{key}");
        }
    }
}
