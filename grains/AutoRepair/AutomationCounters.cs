using Maestro.GrainInterfaces.AutoRepair;

namespace Maestro.Grains.AutoRepair;

/// <summary>The project's counters as its state keeps them.</summary>
public sealed class AutomationCounters
{
    public long ErrorsDetected { get; set; }

    public long Deduplicated { get; set; }

    public long RepairsAttempted { get; set; }

    public long SuccessfulRepairs { get; set; }

    public long FailedRepairs { get; set; }

    public long SkippedRepairs { get; set; }

    public AutomationStatistics ToStatistics() =>
        new(ErrorsDetected, Deduplicated, RepairsAttempted, SuccessfulRepairs, FailedRepairs, SkippedRepairs);

    /// <summary>Counts a repair that reached <paramref name="status"/>, a final status.</summary>
    public void CountFinal(RepairStatus status)
    {
        switch (status)
        {
            case RepairStatus.Applied or RepairStatus.Committed:
                SuccessfulRepairs++;
                break;
            case RepairStatus.RolledBack or RepairStatus.Failed:
                FailedRepairs++;
                break;
            case RepairStatus.NoFix or RepairStatus.Rejected:
                SkippedRepairs++;
                break;
        }
    }
}
