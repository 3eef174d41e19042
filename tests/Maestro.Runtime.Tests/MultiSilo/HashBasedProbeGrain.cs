using Maestro.Runtime.Placement;

namespace Maestro.Runtime.Tests.MultiSilo;

/// <summary>Placed on a stable hash of its id.</summary>
[HashBasedPlacement]
public sealed class HashBasedProbeGrain(ISiloStatus silo) : Grain, IPlacementProbeGrain
{
    public Task<string> GetSiloName() => Task.FromResult(silo.SiloName);
}
