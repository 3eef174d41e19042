using System.Collections.Concurrent;
using Maestro.Runtime.Cluster;

namespace Maestro.Runtime.Placement;

/// <summary>
/// Power of two choices on activation counts: two distinct random candidates, the one with fewer activations wins
/// (ties at random). Counts are those the silos published with their heartbeats, plus what this silo placed since it
/// last read them, so a burst of placements between two reads does not all land on the same silo.
/// </summary>
internal sealed class ActivationCountPlacementDirector(ClusterView view) : IPlacementDirector
{
    private readonly ConcurrentDictionary<SiloAddress, int> placedSinceRead = new();
    private long stamp = -1;

    public SiloAddress Place(GrainId grainId, IReadOnlyList<SiloAddress> candidates, SiloAddress? local)
    {
        var current = view.LoadStamp;
        if (Interlocked.Exchange(ref stamp, current) != current)
        {
            // The published counts now include (roughly) what was placed before: stop adding it twice.
            placedSinceRead.Clear();
        }

        SiloAddress chosen;
        if (candidates.Count == 1)
        {
            chosen = candidates[0];
        }
        else
        {
            var first = Random.Shared.Next(candidates.Count);
            var second = Random.Shared.Next(candidates.Count - 1);
            if (second >= first)
            {
                second++;
            }

            var (a, b) = (candidates[first], candidates[second]);
            var (loadA, loadB) = (Load(a), Load(b));
            chosen = loadA < loadB ? a : loadB < loadA ? b : Random.Shared.Next(2) == 0 ? a : b;
        }

        placedSinceRead.AddOrUpdate(chosen, 1, static (_, n) => n + 1);
        return chosen;
    }

    private int Load(SiloAddress silo) => view.GetActivationCount(silo) + placedSinceRead.GetValueOrDefault(silo);
}
