namespace Maestro.GrainInterfaces.Healing;

/// <summary>A healing session as its grain holds it (screenshots apart: <see cref="IHealingSessionGrain.GetScreenshotAsync"/>).</summary>
public sealed record HealingSessionSnapshot(
    string SessionId,
    DateTimeOffset CreatedAt,
    HealingFailure Failure,
    FailureClassification Classification,
    IReadOnlyList<HealingCandidate> Candidates,
    HealingFix? Fix,
    HealingDecision Decision,
    HealValidation? Validation,
    HealingOutcome Outcome,
    IReadOnlyList<HealingReview> Reviews,
    bool HasScreenshotBefore,
    bool HasScreenshotAfter,
    IReadOnlyList<string> Notes);
