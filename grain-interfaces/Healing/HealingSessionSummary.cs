namespace Maestro.GrainInterfaces.Healing;

/// <summary>One line of a suite's session list.</summary>
public sealed record HealingSessionSummary(
    string SessionId,
    DateTimeOffset CreatedAt,
    string TestId,
    FailureKind Kind,
    HealingStrategy? Strategy,
    double? Confidence,
    HealingDecision Decision,
    HealingOutcome Outcome);
