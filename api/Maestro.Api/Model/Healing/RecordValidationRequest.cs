namespace Maestro.Api.Model;

/// <summary><c>POST /api/healing/sessions/{id}/validation</c>: the re-run of an applied fix, as whoever applied it ran it.</summary>
public sealed record RecordValidationRequest(bool? Passed, List<string>? Evidence, double? DurationMs);
