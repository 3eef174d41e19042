using Maestro.GrainInterfaces.AutoRepair;
using Maestro.Api.Auditing;

namespace Maestro.Silo.Model.Automation;

/// <summary>The body of <c>POST /api/automation/start</c>: the original's start request, with a project id and optional monitors.</summary>
/// <param name="ProjectId">The project's id (letters, digits, '.', '_', '-'); also the orchestrator id in responses.</param>
/// <param name="ProjectPath">The project folder, under the workspace root.</param>
/// <param name="Monitors">The checks to run; when omitted they are chosen from the project's files.</param>
/// <param name="AutoFix">Apply fixes (default true); off, fixes wait for approval.</param>
/// <param name="RequireApproval">Every fix waits for approval (default false).</param>
/// <param name="ConfidenceThreshold">Fixes below it are reported, not applied (default 0.75).</param>
/// <param name="AutoCommit">Commit validated fixes with git (default false).</param>
/// <param name="MaxConcurrentRepairs">Default 3.</param>
/// <param name="CoolDownMinutes">How long the same failure is not queued again (default 60).</param>
public sealed record StartAutomationRequest(
    string ProjectId,
    string ProjectPath,
    IReadOnlyList<MonitorDefinition>? Monitors = null,
    bool AutoFix = true,
    bool RequireApproval = false,
    double ConfidenceThreshold = 0.75,
    bool AutoCommit = false,
    int MaxConcurrentRepairs = 3,
    int CoolDownMinutes = 60) : IAuditedRequest;
