namespace Maestro.Api.Model;

/// <summary><c>POST /api/templates/{name}/render</c>: a version (latest when left out) and parameter values.</summary>
public sealed record RenderTemplateRequest(int? Version, Dictionary<string, string>? Parameters);
