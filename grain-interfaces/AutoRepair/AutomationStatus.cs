namespace Maestro.GrainInterfaces.AutoRepair;

/// <summary>A watched project now.</summary>
/// <param name="ProjectId">The project's id (the automation grain's key).</param>
/// <param name="IsRunning">Its monitors are running.</param>
/// <param name="Config">How it is watched; null when never started.</param>
/// <param name="Monitors">Each monitor's last run.</param>
/// <param name="QueueSize">Repairs waiting to start.</param>
/// <param name="ActiveRepairs">Repairs in flight.</param>
/// <param name="Statistics">The counters.</param>
public sealed record AutomationStatus(
    string ProjectId,
    bool IsRunning,
    AutomationProjectConfig? Config,
    IReadOnlyList<MonitorStatus> Monitors,
    int QueueSize,
    int ActiveRepairs,
    AutomationStatistics Statistics);
