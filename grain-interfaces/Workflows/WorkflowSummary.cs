namespace Maestro.GrainInterfaces.Workflows;

/// <summary>What the workflow index keeps per instance, for listing and for finding the ones to resume.</summary>
public sealed record WorkflowSummary(string Id, string Name, WorkflowStatus Status, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt);
