namespace Maestro.Grains.Workflows;

/// <summary>One entry of a step's <c>depends</c> list and where it was written.</summary>
public sealed record StepDependency(string StepId, SourcePosition Position);
