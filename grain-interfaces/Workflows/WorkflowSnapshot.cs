namespace Maestro.GrainInterfaces.Workflows;

/// <summary>A workflow instance as it stands.</summary>
public sealed record WorkflowSnapshot(
    string Id,
    string Name,
    WorkflowStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<StepSnapshot> Steps,
    IReadOnlyDictionary<string, string> Outputs,
    CriticalPath CriticalPath,
    string? Error);
