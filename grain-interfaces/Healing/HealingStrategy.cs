using System.Text.Json.Serialization;

namespace Maestro.GrainInterfaces.Healing;

/// <summary>The kinds of fix healing knows.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HealingStrategy>))]
public enum HealingStrategy
{
    /// <summary>A replacement locator found on the live page.</summary>
    Locator,

    /// <summary>A wait or timeout raised from observed durations.</summary>
    Timing,

    /// <summary>An expected value replaced by the value observed in several consecutive runs.</summary>
    AssertionUpdate,

    /// <summary>Retry or quarantine, from the analytics' flaky verdict.</summary>
    FlakyStabilisation,

    /// <summary>Wait for a service the registry reports down, or fail fast.</summary>
    Environment,

    /// <summary>Install a package or module the error names.</summary>
    Dependency,

    /// <summary>Follow a renamed field of a JSON API.</summary>
    ApiContract,

    /// <summary>Repair a journey definition that no longer parses.</summary>
    DefinitionSyntax,
}
