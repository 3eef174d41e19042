using System.Text.Json.Serialization;

namespace Maestro.GrainInterfaces.Analytics;

/// <summary>How stable a test is over its recent history. When several apply, the most severe wins: Broken, then Flaky.</summary>
// Names, not numbers, wherever it is written as JSON (the REST API, stored state).
[JsonConverter(typeof(JsonStringEnumConverter<FlakyClassification>))]
public enum FlakyClassification
{
    /// <summary>Too few counted runs for any signal.</summary>
    InsufficientData,

    Healthy,

    /// <summary>At least one flaky signal fired; the verdict's reasons say which.</summary>
    Flaky,

    /// <summary>Failing consistently: every one of the most recent runs failed, and none of them passed on its commit.</summary>
    Broken,
}
