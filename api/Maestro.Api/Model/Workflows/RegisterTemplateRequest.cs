using Maestro.GrainInterfaces.Workflows;

namespace Maestro.Api.Model;

/// <summary><c>POST /api/templates</c>: a template's name, its YAML with <c>{{NAME}}</c> placeholders and the parameters it declares.</summary>
public sealed record RegisterTemplateRequest(string? Name, string? Yaml, List<TemplateParameter>? Parameters, string? Description);
