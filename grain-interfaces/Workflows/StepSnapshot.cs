namespace Maestro.GrainInterfaces.Workflows;

/// <summary>One step as it stands: its kind, status, attempts made, outputs and the error that ended it.</summary>
public sealed record StepSnapshot(
    string Id,
    string Kind,
    IReadOnlyList<string> Depends,
    StepStatus Status,
    int Attempts,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyDictionary<string, string> Outputs,
    string? Error);
