namespace Maestro.Api.Model;

/// <summary><c>POST /api/workflows/{id}/steps/{stepId}/approval</c>: who decides, and whether they approve.</summary>
public sealed record ApproveStepRequest(string? Approver, bool Approved, string? Comment);
