namespace Maestro.GrainInterfaces.AutoRepair;

/// <summary>How a project is watched and repaired (the original's start request and RepairConfig, made to work).</summary>
/// <param name="ProjectPath">The project folder; it must lie under the configured workspace root.</param>
/// <param name="Monitors">The checks to run.</param>
/// <param name="AutoFix">Apply fixes; when false, fixes are only proposed and wait for approval.</param>
/// <param name="RequireApproval">Every fix waits for a person's approval before it is applied.</param>
/// <param name="ConfidenceThreshold">Fixes scored below this are reported, never applied.</param>
/// <param name="AutoCommit">Commit each validated fix with git (the project must be a git repository).</param>
/// <param name="MaxConcurrentRepairs">Repairs running at once; the rest wait in the queue.</param>
/// <param name="CoolDownMinutes">After a failure is queued, the same failure (same fingerprint) is not queued again for this long.</param>
public sealed record AutomationProjectConfig(
    string ProjectPath,
    IReadOnlyList<MonitorDefinition> Monitors,
    bool AutoFix = true,
    bool RequireApproval = false,
    double ConfidenceThreshold = 0.75,
    bool AutoCommit = false,
    int MaxConcurrentRepairs = 3,
    int CoolDownMinutes = 60);
