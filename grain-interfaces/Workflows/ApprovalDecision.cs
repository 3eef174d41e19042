namespace Maestro.GrainInterfaces.Workflows;

/// <summary>The answer to a manual approval step: who decided, whether they approved, and why.</summary>
public sealed record ApprovalDecision(string Approver, bool Approved, string? Comment);
