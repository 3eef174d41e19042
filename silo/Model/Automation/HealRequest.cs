using Maestro.Api.Auditing;

namespace Maestro.Silo.Model.Automation;

/// <summary>The body of <c>POST /api/automation/heal</c>: a failure to repair now, found by something other than the project's monitors.</summary>
/// <param name="OrchestratorId">The watched project.</param>
/// <param name="ErrorType">test_failure, build_error, type_error or lint_error.</param>
/// <param name="ErrorMessage">What failed.</param>
/// <param name="FilePath">The file, relative to the project, when known.</param>
/// <param name="TestId">For a test failure: the test's id, as the project's monitor reports it.</param>
/// <param name="LineNumber">When known.</param>
public sealed record HealRequest(string OrchestratorId, string ErrorType, string ErrorMessage, string? FilePath = null, string? TestId = null, int? LineNumber = null) : IAuditedRequest;
