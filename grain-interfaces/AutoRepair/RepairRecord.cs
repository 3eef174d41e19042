namespace Maestro.GrainInterfaces.AutoRepair;

/// <summary>One repair of one finding, from queueing to its outcome.</summary>
/// <param name="Id">Unique within the project, e.g. <c>r-000042</c>; also written into the commit as a trailer.</param>
/// <param name="Fingerprint">The finding's stable identity (<c>FailureFingerprint</c>).</param>
/// <param name="Monitor">The monitor that found it, or <c>manual</c> for a heal request.</param>
/// <param name="Finding">What was found.</param>
/// <param name="Status">Where the repair is.</param>
/// <param name="Fix">The proposed fix, once there is one.</param>
/// <param name="Patch">The change as a unified diff, once applied.</param>
/// <param name="CommitHash">The commit, when committed.</param>
/// <param name="Reason">Why it ended as it did (validation output, the error, who rejected it).</param>
/// <param name="QueuedAt">When it was queued.</param>
/// <param name="UpdatedAt">When its status last changed.</param>
public sealed record RepairRecord(
    string Id,
    string Fingerprint,
    string Monitor,
    MonitorFinding Finding,
    RepairStatus Status,
    ProposedFix? Fix,
    string? Patch,
    string? CommitHash,
    string? Reason,
    DateTimeOffset QueuedAt,
    DateTimeOffset UpdatedAt);
