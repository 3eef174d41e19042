using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing.Locators;

/// <summary>
/// How alike two element paths are: the longest common subsequence of their tags, 2·LCS ÷ (|P| + |Q|). Indexes are left
/// out on purpose: an element that moved among its siblings, or whose container gained a sibling, keeps its path.
/// </summary>
public static class PathSimilarity
{
    public static double Compute(IReadOnlyList<ElementPathStep> reference, IReadOnlyList<ElementPathStep> candidate)
    {
        if (reference.Count + candidate.Count == 0)
        {
            return 1;
        }

        var row = new int[candidate.Count + 1];
        for (var i = 1; i <= reference.Count; i++)
        {
            var diagonal = 0;
            for (var j = 1; j <= candidate.Count; j++)
            {
                var above = row[j];
                row[j] = string.Equals(reference[i - 1].Tag, candidate[j - 1].Tag, StringComparison.Ordinal)
                    ? diagonal + 1
                    : Math.Max(row[j], row[j - 1]);
                diagonal = above;
            }
        }

        return 2.0 * row[candidate.Count] / (reference.Count + candidate.Count);
    }
}
