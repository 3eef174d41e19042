namespace Maestro.Grains.Workflows;

/// <summary>A 1-based line and column in a definition file.</summary>
public readonly record struct SourcePosition(int Line, int Column);
