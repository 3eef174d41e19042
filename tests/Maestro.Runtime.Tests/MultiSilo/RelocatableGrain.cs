using Maestro.Runtime.Placement;

namespace Maestro.Runtime.Tests.MultiSilo;

/// <summary>Placed on the calling silo, so whoever calls first after a deactivation decides where it comes back.</summary>
[PreferLocalPlacement]
public sealed class RelocatableGrain(ISiloStatus silo) : Grain, IRelocatableGrain
{
    public Task<string> GetSiloName() => Task.FromResult(silo.SiloName);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
