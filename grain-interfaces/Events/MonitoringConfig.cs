namespace Maestro.GrainInterfaces.Events;

/// <summary>How a project is monitored and repaired: the original's start_monitoring <c>config</c>.</summary>
public sealed record MonitoringConfig(
    bool AutoFix = true,
    bool RequireApproval = false,
    double ConfidenceThreshold = 0.7,
    bool AutoCommit = false,
    bool CreatePr = false,
    int MaxConcurrentRepairs = 3);
