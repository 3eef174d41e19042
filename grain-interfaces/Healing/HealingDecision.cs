using System.Text.Json.Serialization;

namespace Maestro.GrainInterfaces.Healing;

/// <summary>What the confidence policy does with a fix.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HealingDecision>))]
public enum HealingDecision
{
    /// <summary>Below the proposal threshold (default 0.60), or no fix: the session reports what it found.</summary>
    ReportOnly,

    /// <summary>From the proposal threshold (0.60) up to the review threshold: a person applies it or not.</summary>
    ProposeOnly,

    /// <summary>From the review threshold (0.75) up to the apply threshold: applied, validated, and a person is asked to review it.</summary>
    ApplyAndReview,

    /// <summary>At or above the apply threshold (0.90): applied and validated.</summary>
    Apply,
}
