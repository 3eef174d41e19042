namespace Maestro.Api.Model;

/// <summary><c>POST /api/workflows/{id}/cancel</c>: why (kept in the journal).</summary>
public sealed record CancelWorkflowRequest(string? Reason);
