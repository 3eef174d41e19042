namespace Maestro.GrainInterfaces.AutoRepair;

/// <summary>A project's counters since it was first started (the original's five, and what deduplication saved).</summary>
/// <param name="ErrorsDetected">Findings reported by monitors and heal requests.</param>
/// <param name="Deduplicated">Findings not queued because the same failure was queued within the cool-down or is being repaired.</param>
/// <param name="RepairsAttempted">Repairs that left the queue.</param>
/// <param name="SuccessfulRepairs">Repairs that ended Applied or Committed.</param>
/// <param name="FailedRepairs">Repairs that ended RolledBack or Failed.</param>
/// <param name="SkippedRepairs">Repairs that ended NoFix or Rejected.</param>
public sealed record AutomationStatistics(
    long ErrorsDetected,
    long Deduplicated,
    long RepairsAttempted,
    long SuccessfulRepairs,
    long FailedRepairs,
    long SkippedRepairs)
{
    /// <summary>Successful repairs over finished attempts, from 0 to 1; 0 before any finished.</summary>
    public double SuccessRate => SuccessfulRepairs + FailedRepairs == 0 ? 0 : (double)SuccessfulRepairs / (SuccessfulRepairs + FailedRepairs);
}
