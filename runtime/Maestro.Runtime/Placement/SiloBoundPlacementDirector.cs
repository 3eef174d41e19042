using Maestro.Runtime.Cluster;

namespace Maestro.Runtime.Placement;

/// <summary>The silo named by the grain's key, if it is a candidate; never another one.</summary>
internal sealed class SiloBoundPlacementDirector : IPlacementDirector
{
    public SiloAddress Place(GrainId grainId, IReadOnlyList<SiloAddress> candidates, SiloAddress? local)
    {
        SiloAddress target;
        try
        {
            target = SiloAddress.Parse(grainId.Key);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"Grain {grainId} is bound to a silo, so its key must be a silo address: {ex.Message}", nameof(grainId), ex);
        }

        return candidates.Contains(target)
            ? target
            : throw new SiloUnavailableException($"Silo {target} is not an Active silo that takes grains, so {grainId} cannot run there.");
    }
}
