namespace Maestro.Runtime.Tests.Grains;

/// <summary>Records activation and deactivation (with the reason) in the probe; remembers a persisted number.</summary>
public abstract class LifecycleGrainBase(Probe probe, IPersistentState<CounterState> memory) : Grain, ILifecycleGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Record($"activate:{IdentityString}:{memory.State.Value}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivate:{IdentityString}:{reason.ReasonCode}");
        return Task.CompletedTask;
    }

    public Task<Guid> GetActivationId() => Task.FromResult(GrainContext.ActivationId);

    public async Task<int> Remember(int value)
    {
        memory.State.Value = value;
        await memory.WriteStateAsync();
        return value;
    }

    public Task<int> Recall() => Task.FromResult(memory.State.Value);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task KeepAliveFor(TimeSpan span)
    {
        DelayDeactivation(span);
        return Task.CompletedTask;
    }
}
