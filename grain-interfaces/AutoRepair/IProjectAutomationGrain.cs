using Maestro.Runtime;

namespace Maestro.GrainInterfaces.AutoRepair;

/// <summary>
/// Continuous auto-repair for one watched project (key: the project id): runs its monitors, queues each new failure
/// once, repairs it (plan, apply, validate by re-running what failed, roll back or commit), and keeps the history.
/// </summary>
public interface IProjectAutomationGrain : IGrainWithStringKey
{
    /// <summary>Starts (or reconfigures) watching. The configuration is validated first; an invalid one changes nothing.</summary>
    Task<AutomationStatus> Start(AutomationProjectConfig config);

    /// <summary>Stops the monitors; repairs in flight finish.</summary>
    Task<AutomationStatus> Stop();

    Task<AutomationStatus> GetStatus();

    /// <summary>The newest repairs first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<RepairRecord>> GetHistory(int limit);

    /// <summary>Runs every monitor now, whatever its interval, and returns when their findings are queued.</summary>
    Task<AutomationStatus> RunMonitorsNow();

    /// <summary>Queues a failure reported from outside (a heal request, an error event); returns the repair, or null when the same failure is already queued or cooling down.</summary>
    Task<RepairRecord?> ReportFailure(string monitor, MonitorFinding finding);

    /// <summary>Applies a fix that waits for approval; <paramref name="actor"/> is recorded.</summary>
    Task<RepairRecord> Approve(string repairId, string actor);

    /// <summary>Drops a fix that waits for approval; <paramref name="actor"/> is recorded.</summary>
    Task<RepairRecord> Reject(string repairId, string actor);
}
