namespace Maestro.GrainInterfaces.Workflows;

/// <summary>One recorded transition: of the workflow (StepId null) or of a step, numbered from 1 in order.</summary>
public sealed record JournalEntry(long Sequence, DateTimeOffset At, string? StepId, string Transition, string? Detail);
