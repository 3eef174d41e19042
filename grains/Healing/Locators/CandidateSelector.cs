using System.Globalization;
using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing.Locators;

/// <summary>
/// Chooses the element to heal to from ranked candidates. Only a visible, enabled element is chosen; it needs the
/// minimum score and a margin over the runner-up (the guard against healing to a neighbour of the same kind, Healenium
/// #40/#76); and when the best match of all is hidden or disabled, nothing is chosen, because healing to the next
/// best element would hide a regression (Healenium #88).
/// </summary>
public static class CandidateSelector
{
    public static CandidateSelection Select(IReadOnlyList<ScoredElement> ranked, LocatorScoringOptions options)
    {
        var eligible = ranked.Where(c => c.Element.Visible && c.Element.Enabled).Take(2).ToList();
        var best = eligible.FirstOrDefault();
        var runnerUp = eligible.Skip(1).FirstOrDefault();
        var top = ranked.FirstOrDefault();
        string? refusal = null;
        if (best is null)
        {
            refusal = "no visible, enabled element on the page";
        }
        else if (best.Score < options.MinimumScore)
        {
            refusal = $"the best visible, enabled candidate scores {F(best.Score)}, below the minimum {F(options.MinimumScore)}";
        }
        else if (top is not null && top != best && top.Score >= options.MinimumScore && top.Score - best.Score >= options.MinimumMargin)
        {
            refusal = $"the best match ({top.Element.Summary()}, {F(top.Score)}) is {Unusable(top.Element)}; healing to another element would hide a regression";
        }
        else if (runnerUp is not null && best.Score - runnerUp.Score < options.MinimumMargin)
        {
            refusal = $"ambiguous: the best candidate ({F(best.Score)}) leads the runner-up ({runnerUp.Element.Summary()}, {F(runnerUp.Score)}) by less than {F(options.MinimumMargin)}";
        }

        var winner = refusal is null ? best : null;
        // The winner is always kept, even when hidden or disabled elements rank above it within the margin.
        var keptElements = ranked.Take(options.CandidatesKept).ToList();
        if (winner is not null && !keptElements.Contains(winner))
        {
            keptElements.Add(winner);
        }

        var kept = keptElements.Select(c => new HealingCandidate(
            c.Element.Summary(),
            c.Score,
            c.Terms,
            null,
            c == winner ? null : Rejection(c, best, runnerUp, refusal, options))).ToList();
        var reason = winner is null
            ? $"No element chosen: {refusal}."
            : $"Chose {winner.Element.Summary()} at {F(winner.Score)}" + (runnerUp is null ? "; no other candidate." : $", {F(winner.Score - runnerUp.Score)} ahead of {runnerUp.Element.Summary()}.");
        return new CandidateSelection(winner, kept, reason);
    }

    private static string Rejection(ScoredElement candidate, ScoredElement? best, ScoredElement? runnerUp, string? refusal, LocatorScoringOptions options)
    {
        if (!candidate.Element.Visible || !candidate.Element.Enabled)
        {
            return Unusable(candidate.Element);
        }

        if (candidate.Score < options.MinimumScore)
        {
            return $"below the minimum score {F(options.MinimumScore)}";
        }

        return candidate == best || candidate == runnerUp ? refusal ?? "lower score" : "lower score";
    }

    private static string Unusable(ElementDescriptor element) =>
        (element.Visible, element.Enabled) switch
        {
            (false, false) => "invisible and disabled",
            (false, _) => "invisible",
            _ => "disabled",
        };

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
