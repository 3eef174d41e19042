namespace Maestro.Grains.Workflows;

/// <summary>One step of a workflow as written: identity, ordering, controls (when, optional, timeout, retry, fan-out) and its kind's settings.</summary>
public sealed record StepDefinition(
    string Id,
    SourcePosition Position,
    StepKind Kind,
    IReadOnlyList<StepDependency> Depends,
    SourceText? When,
    bool Optional,
    TimeSpan? Timeout,
    RetryDefinition Retry,
    ForEachDefinition? ForEach,
    int? MaxParallel,
    StepSpec Spec);
