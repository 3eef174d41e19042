namespace Maestro.Api.Model;

/// <summary><c>POST /api/workflows/validate</c>: a definition to check without running it.</summary>
public sealed record ValidateWorkflowRequest(string? Yaml, string? FileName);
