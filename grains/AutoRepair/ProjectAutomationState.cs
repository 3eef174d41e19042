using Maestro.GrainInterfaces.AutoRepair;

namespace Maestro.Grains.AutoRepair;

/// <summary>
/// A watched project's persisted state, written after every transition: the configuration, each monitor's last run,
/// the cool-down times, the repairs (with the originals of files a repair in flight has rewritten) and the counters.
/// </summary>
public sealed class ProjectAutomationState
{
    public AutomationProjectConfig? Config { get; set; }

    /// <summary>The project folder with links resolved, as validated at start.</summary>
    public string? ProjectPath { get; set; }

    public bool IsRunning { get; set; }

    public Dictionary<string, MonitorProgress> Monitors { get; set; } = [];

    /// <summary>Fingerprint to when it was last queued (<see cref="RepairCooldown"/>).</summary>
    public Dictionary<string, DateTimeOffset> CoolDown { get; set; } = [];

    /// <summary>Oldest first.</summary>
    public List<RepairWork> Repairs { get; set; } = [];

    public long NextRepairNumber { get; set; } = 1;

    public AutomationCounters Counters { get; set; } = new();
}
