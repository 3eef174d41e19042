namespace Maestro.GrainInterfaces.Healing;

/// <summary>A candidate fix with its score and the reasons for it.</summary>
/// <param name="Description">What it is: the element (<c>button#save "Save"</c>) or the change a strategy proposes.</param>
/// <param name="Score">0 to 1.</param>
/// <param name="Terms">The score split by term (locator healing), so the choice can be checked by a person.</param>
/// <param name="Locator">The locator generated for it (only for the chosen element).</param>
/// <param name="Rejection">Why it cannot be used (invisible, disabled, below the minimum, too close to the runner-up...), or null.</param>
public sealed record HealingCandidate(
    string Description,
    double Score,
    IReadOnlyList<ScoreTerm> Terms,
    string? Locator,
    string? Rejection);
