namespace Maestro.Runtime.Tests.Grains;

/// <summary>Hangs in OnActivateAsync (key "hang-activate") or OnDeactivateAsync (any other key) until the test releases it.</summary>
public sealed class SlowLifecycleGrain(Probe probe) : Grain, ISlowLifecycleGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        this.GetPrimaryKeyString() == "hang-activate" ? probe.Signal("never").Task : Task.CompletedTask;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record("deactivating");
        await probe.Signal("never").Task;
    }

    public Task<Guid> GetActivationId() => Task.FromResult(GrainContext.ActivationId);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
