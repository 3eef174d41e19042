namespace Maestro.Grains.Workflows;

/// <summary>A declared workflow input: required, or with a default value.</summary>
public sealed record InputDefinition(string Name, bool Required, string? Default, SourcePosition Position);
