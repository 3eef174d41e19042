namespace Maestro.GrainInterfaces.Workflows;

/// <summary>An event published by a workflow's <c>publish</c> step.</summary>
public sealed record WorkflowEvent(string Stream, long Sequence, string WorkflowId, string StepId, IReadOnlyDictionary<string, string> Payload, DateTimeOffset PublishedAt);
