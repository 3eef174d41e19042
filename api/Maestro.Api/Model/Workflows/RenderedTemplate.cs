namespace Maestro.Api.Model;

/// <summary>A template version rendered into workflow YAML.</summary>
public sealed record RenderedTemplate(string Name, int Version, string Yaml);
