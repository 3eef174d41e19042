using Maestro.Runtime.Cluster;

namespace Maestro.Runtime.Placement;

/// <summary>
/// Chooses the silo for a new activation, as Orleans' placement directors do. It is asked only when the grain has no
/// directory entry; the directory's first-writer-wins registration settles races, so a choice needs no coordination.
/// </summary>
internal interface IPlacementDirector
{
    /// <summary>
    /// One of <paramref name="candidates"/> (the Active silos that may take new grains, never empty) for
    /// <paramref name="grainId"/>. <paramref name="local"/> is the calling silo when it is among them, otherwise null.
    /// </summary>
    SiloAddress Place(GrainId grainId, IReadOnlyList<SiloAddress> candidates, SiloAddress? local);
}
