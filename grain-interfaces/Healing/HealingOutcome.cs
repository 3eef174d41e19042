using System.Text.Json.Serialization;

namespace Maestro.GrainInterfaces.Healing;

/// <summary>Where a healing session ended up.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HealingOutcome>))]
public enum HealingOutcome
{
    /// <summary>Applied; the validation run has not answered yet.</summary>
    Validating,

    /// <summary>Applied and validated.</summary>
    Healed,

    /// <summary>Applied and validated, and waiting for a person's review.</summary>
    AwaitingReview,

    /// <summary>Proposed, not applied: waiting for a person.</summary>
    Proposed,

    /// <summary>No fix good enough, or no fix at all: the session holds what was found.</summary>
    Reported,

    /// <summary>Applied, failed validation, and withdrawn.</summary>
    RolledBack,

    /// <summary>A person approved the fix.</summary>
    Approved,

    /// <summary>A person rejected the fix; it is withdrawn and learned from.</summary>
    Rejected,
}
