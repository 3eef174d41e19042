namespace Maestro.GrainInterfaces.Workflows;

/// <summary>A template version rendered with parameter values into workflow YAML, or the problems with the values.</summary>
public sealed record TemplateRenderResult(string? Yaml, int Version, IReadOnlyList<DefinitionError> Errors);
