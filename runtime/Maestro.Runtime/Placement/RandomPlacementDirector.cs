using Maestro.Runtime.Cluster;

namespace Maestro.Runtime.Placement;

/// <summary>The default: spreads new grains evenly without any coordination or shared state.</summary>
internal sealed class RandomPlacementDirector : IPlacementDirector
{
    public SiloAddress Place(GrainId grainId, IReadOnlyList<SiloAddress> candidates, SiloAddress? local) =>
        candidates[Random.Shared.Next(candidates.Count)];
}
