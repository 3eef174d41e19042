namespace Maestro.Api.Model;

/// <summary>
/// <c>POST /api/workflows</c>: a definition (<paramref name="Yaml"/>, with <paramref name="FileName"/> for error
/// positions) or a registered template (<paramref name="Template"/>, its <paramref name="TemplateVersion"/> — latest
/// when left out — and <paramref name="Parameters"/>), never both; the workflow's inputs and env overrides; and an
/// optional instance id (generated when left out).
/// </summary>
public sealed record StartWorkflowRequest(
    string? Id,
    string? Yaml,
    string? FileName,
    string? Template,
    int? TemplateVersion,
    Dictionary<string, string>? Parameters,
    Dictionary<string, string>? Inputs,
    Dictionary<string, string>? Env);
