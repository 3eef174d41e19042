using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing.Locators;

/// <summary>The element chosen (or none) and the kept candidates, each with why it was or was not chosen.</summary>
/// <param name="Winner">The element to heal to, or null when the selection refused.</param>
/// <param name="Candidates">The best candidates, best first; the winner's entry has no rejection.</param>
/// <param name="Reason">Why the winner was chosen, or why none was.</param>
public sealed record CandidateSelection(ScoredElement? Winner, IReadOnlyList<HealingCandidate> Candidates, string Reason);
