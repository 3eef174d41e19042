namespace Maestro.TestGrains;

/// <summary>An event of the multi-process stream tests: its number in its stream.</summary>
public sealed record TestStreamItem(int Number);
