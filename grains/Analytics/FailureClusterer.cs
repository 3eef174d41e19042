using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.Analytics;

/// <summary>
/// Groups failures the way ReportPortal's unique-error analysis does: first by exception type, then by cosine
/// similarity of the normalised messages' word sets. Signatures are visited in ordinal order and each joins the first
/// cluster whose representative (its smallest signature) is similar enough, so the result does not depend on the order
/// the failures arrived in. A cluster's id is a hash of its exception type and representative: the same failure gets
/// the same id in every run, whatever numbers, GUIDs or paths it carried.
/// </summary>
public static class FailureClusterer
{
    private static readonly TimeSpan RuleTimeout = TimeSpan.FromMilliseconds(200);

    public static IReadOnlyList<FailureCluster> Cluster(IEnumerable<FailureSample> failures, FailureClusteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(failures);
        ArgumentNullException.ThrowIfNull(options);
        var rules = options.CategoryRules.Select(r => (Rule: r, Message: Compile(r.MessagePattern), Stack: Compile(r.StackPattern))).ToList();
        var clusters = new List<FailureCluster>();
        foreach (var byType in failures.GroupBy(FailureSignature.ExceptionTypeOf, StringComparer.Ordinal))
        {
            var bySignature = byType
                .GroupBy(f => FailureSignature.Normalize(f.Message ?? FirstLine(f.StackTrace)), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            var open = new List<(string Representative, HashSet<string> Tokens, List<FailureSample> Members)>();
            foreach (var group in bySignature)
            {
                var tokens = FailureSignature.Tokens(group.Key);
                var home = open.FindIndex(c => Similarity(c.Tokens, tokens) >= options.SimilarityThreshold);
                if (home < 0)
                {
                    open.Add((group.Key, tokens, [.. group]));
                }
                else
                {
                    open[home].Members.AddRange(group);
                }
            }

            foreach (var (representative, _, members) in open)
            {
                var sample = members[0];
                clusters.Add(new FailureCluster(
                    IdOf(byType.Key, representative),
                    byType.Key,
                    representative,
                    Categorize(sample, rules, options),
                    sample.Message ?? FirstLine(sample.StackTrace) ?? string.Empty,
                    members.Select(m => m.TestId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()));
            }
        }

        return clusters.OrderByDescending(c => c.TestIds.Count).ThenBy(c => c.ClusterId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Cosine similarity of two binary bags of words: |A ∩ B| ÷ √(|A|·|B|). Two empty messages are identical.</summary>
    public static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 || b.Count == 0)
        {
            return a.Count == b.Count ? 1 : 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = small.Count(large.Contains);
        return common / Math.Sqrt((double)a.Count * b.Count);
    }

    public static string IdOf(string exceptionType, string signature)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(exceptionType + "\n" + signature));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    private static string Categorize(FailureSample sample, List<(CategoryRule Rule, Regex? Message, Regex? Stack)> rules, FailureClusteringOptions options)
    {
        foreach (var (rule, message, stack) in rules)
        {
            if ((rule.Outcomes.Count == 0 || rule.Outcomes.Contains(sample.Outcome))
                && (message is null || Matches(message, sample.Message))
                && (stack is null || Matches(stack, sample.StackTrace)))
            {
                return rule.Name;
            }
        }

        return sample.Outcome == TestOutcome.Error ? options.DefaultErrorCategory : options.DefaultFailedCategory;
    }

    private static bool Matches(Regex pattern, string? text)
    {
        try
        {
            return text is not null && pattern.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A rule too slow for a text is a rule that did not match it; the next rule still gets its chance.
            return false;
        }
    }

    private static Regex? Compile(string? pattern) => pattern is null ? null : new Regex(pattern, RegexOptions.CultureInvariant, RuleTimeout);

    private static string? FirstLine(string? text) => text?.Split('\n', 2)[0].Trim();
}
