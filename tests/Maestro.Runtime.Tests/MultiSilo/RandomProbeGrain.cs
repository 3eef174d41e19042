using Maestro.Runtime.Placement;

namespace Maestro.Runtime.Tests.MultiSilo;

/// <summary>Placed on a random silo.</summary>
[RandomPlacement]
public sealed class RandomProbeGrain(ISiloStatus silo) : Grain, IPlacementProbeGrain
{
    public Task<string> GetSiloName() => Task.FromResult(silo.SiloName);
}
