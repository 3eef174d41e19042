using Maestro.Runtime.Placement;

namespace Maestro.Runtime.Tests.MultiSilo;

/// <summary>Placed on the calling silo.</summary>
[PreferLocalPlacement]
public sealed class PreferLocalProbeGrain(ISiloStatus silo) : Grain, IPlacementProbeGrain
{
    public Task<string> GetSiloName() => Task.FromResult(silo.SiloName);
}
