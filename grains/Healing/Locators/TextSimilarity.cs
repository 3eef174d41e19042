namespace Maestro.Grains.Healing.Locators;

/// <summary>String and set similarities in [0, 1] that candidate scoring uses.</summary>
public static class TextSimilarity
{
    /// <summary>1 − Levenshtein distance ÷ the longer length, ignoring case; 1 for two empty strings, 0 when one is null.</summary>
    public static double Levenshtein(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return 0;
        }

        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 1 : 1 - (double)Distance(a, b) / longer;
    }

    /// <summary>|A ∩ B| ÷ |A ∪ B|, 1 when both are empty.</summary>
    public static double Jaccard(IReadOnlyCollection<string> a, IReadOnlyCollection<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var union = new HashSet<string>(a, StringComparer.Ordinal);
        union.UnionWith(b);
        var common = a.Distinct(StringComparer.Ordinal).Count(b.Contains);
        return (double)common / union.Count;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
