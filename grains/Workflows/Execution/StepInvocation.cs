namespace Maestro.Grains.Workflows;

/// <summary>One run of a step (one fan-out item, one attempt): the step, the values its expressions read, and when the step started.</summary>
public sealed record StepInvocation(string WorkflowId, StepDefinition Step, ExpressionScope Scope, int? ItemIndex, DateTimeOffset StepStartedAt);
