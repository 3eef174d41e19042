using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing;

/// <summary>
/// Moves each term's trust by how much it spoke for a reviewed heal: trust ± rate × similarity, within bounds. A term
/// that matched strongly behind a rejected heal (the neighbour had the same classes, say) loses trust; one behind an
/// approved heal gains it. Terms that did not match are left alone: they did not cause the choice.
/// </summary>
public static class TrustLearner
{
    public static void Learn(IDictionary<string, double> trust, IReadOnlyList<ScoreTerm> terms, bool approved, HealingOptions options)
    {
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var term in terms)
        {
            var current = trust.TryGetValue(term.Term, out var value) ? value : 1.0;
            var step = options.LearningRate * term.Similarity * (approved ? 1 : -1);
            trust[term.Term] = Math.Round(Math.Clamp(current + step, options.MinimumTrust, options.MaximumTrust), 4);
        }
    }
}
