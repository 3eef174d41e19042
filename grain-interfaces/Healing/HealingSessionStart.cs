namespace Maestro.GrainInterfaces.Healing;

/// <summary>What a healer found for a failure, as it opens the session.</summary>
/// <param name="Failure">The failure and its context.</param>
/// <param name="Classification">Its kind and strategy.</param>
/// <param name="Candidates">Every candidate kept, best first, with score and reasons.</param>
/// <param name="Fix">The chosen fix, or null when none passed the checks.</param>
/// <param name="Decision">What the confidence policy decided.</param>
/// <param name="ScreenshotBefore">The page when the failure happened (PNG).</param>
/// <param name="ScreenshotAfter">The page with the healed element outlined (PNG).</param>
/// <param name="Notes">Anything else the healer wants a person to read (why nothing was chosen...).</param>
public sealed record HealingSessionStart(
    HealingFailure Failure,
    FailureClassification Classification,
    IReadOnlyList<HealingCandidate> Candidates,
    HealingFix? Fix,
    HealingDecision Decision,
    byte[]? ScreenshotBefore,
    byte[]? ScreenshotAfter,
    IReadOnlyList<string> Notes);
