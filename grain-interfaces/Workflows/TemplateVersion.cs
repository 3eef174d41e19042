namespace Maestro.GrainInterfaces.Workflows;

/// <summary>One registered, immutable version of a named template.</summary>
public sealed record TemplateVersion(string Name, int Version, string Yaml, IReadOnlyList<TemplateParameter> Parameters, string? Description, DateTimeOffset RegisteredAt);
