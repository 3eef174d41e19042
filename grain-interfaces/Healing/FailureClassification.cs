namespace Maestro.GrainInterfaces.Healing;

/// <summary>The failure's kind, the strategy that answers it (null when none does), and why.</summary>
public sealed record FailureClassification(FailureKind Kind, HealingStrategy? Strategy, string Reason);
