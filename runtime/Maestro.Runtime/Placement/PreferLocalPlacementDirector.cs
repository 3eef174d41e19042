using Maestro.Runtime.Cluster;

namespace Maestro.Runtime.Placement;

/// <summary>The calling silo while it is Active (calls then never cross the network); otherwise random.</summary>
internal sealed class PreferLocalPlacementDirector(RandomPlacementDirector fallback) : IPlacementDirector
{
    public SiloAddress Place(GrainId grainId, IReadOnlyList<SiloAddress> candidates, SiloAddress? local) =>
        local ?? fallback.Place(grainId, candidates, local);
}
