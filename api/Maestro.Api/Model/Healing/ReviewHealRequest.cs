namespace Maestro.Api.Model;

/// <summary><c>POST /api/healing/sessions/{id}/review</c>: approve (true) or reject (false) the session's fix, and why.</summary>
public sealed record ReviewHealRequest(bool? Approved, string? Comment);
