namespace Maestro.GrainInterfaces.Workflows;

/// <summary>A template to register: workflow YAML with <c>{{NAME}}</c> placeholders and the parameters it declares.</summary>
public sealed record TemplateRegistration(string Yaml, IReadOnlyList<TemplateParameter> Parameters, string? Description);
