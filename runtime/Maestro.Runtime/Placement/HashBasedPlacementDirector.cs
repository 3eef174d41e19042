using System.Text;
using Maestro.Runtime.Cluster;

namespace Maestro.Runtime.Placement;

/// <summary>
/// A stable hash of the grain id over the candidates sorted by address: every silo with the same view makes the same
/// choice, whoever calls first. The hash is FNV-1a over the id's UTF-8 text, because string.GetHashCode differs per
/// process and would make silos disagree.
/// </summary>
internal sealed class HashBasedPlacementDirector : IPlacementDirector
{
    public SiloAddress Place(GrainId grainId, IReadOnlyList<SiloAddress> candidates, SiloAddress? local)
    {
        var sorted = candidates.OrderBy(s => s.ToString(), StringComparer.Ordinal).ToArray();
        return sorted[(int)(StableHash(grainId) % (uint)sorted.Length)];
    }

    public static uint StableHash(GrainId grainId)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(grainId.ToString()))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
