namespace Maestro.Grains.Workflows;

/// <summary>One <c>{{NAME}}</c> in a template's text: the name, where it starts (offset, 1-based line and column) and its length.</summary>
public sealed record TemplatePlaceholder(string Name, int Offset, int Length, int Line, int Column);
