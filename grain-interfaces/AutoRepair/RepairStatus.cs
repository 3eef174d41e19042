using System.Text.Json.Serialization;

namespace Maestro.GrainInterfaces.AutoRepair;

/// <summary>Where a repair is. Queued, Planning, Applying, Validating and Committing are in flight; the rest are final.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RepairStatus>))]
public enum RepairStatus
{
    Queued,
    Planning,

    /// <summary>A fix was proposed and waits for a person (the policy, or a confidence below auto-apply).</summary>
    AwaitingApproval,
    Applying,
    Validating,
    Committing,

    /// <summary>Applied and validated; not committed (auto-commit off).</summary>
    Applied,

    /// <summary>Applied, validated and committed; the commit's hash is recorded.</summary>
    Committed,

    /// <summary>Applied, failed validation, and the files were put back as they were.</summary>
    RolledBack,

    /// <summary>No strategy proposed a fix, or the best was below the confidence threshold.</summary>
    NoFix,

    /// <summary>A person rejected the proposed fix.</summary>
    Rejected,

    /// <summary>Something went wrong outside validation (a file could not be written, git refused); the reason says what.</summary>
    Failed,
}
