using Maestro.Runtime.Placement;

namespace Maestro.Runtime.Tests.MultiSilo;

/// <summary>Placed on the emptier of two silos.</summary>
[ActivationCountBasedPlacement]
public sealed class ActivationCountProbeGrain(ISiloStatus silo) : Grain, IPlacementProbeGrain
{
    public Task<string> GetSiloName() => Task.FromResult(silo.SiloName);
}
