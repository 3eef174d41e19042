namespace Maestro.GrainInterfaces.Workflows;

/// <summary>A <c>{{NAME}}</c> parameter of a template: its type (string, int, bool or duration), an optional default and what it is for.</summary>
public sealed record TemplateParameter(string Name, string Type, string? Default, string? Description);
