using System.Text.Json.Serialization;

namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>A test's verdict in one run, over all its attempts in that run.</summary>
// Names, not numbers, wherever it is written as JSON (the REST API, stored state).
[JsonConverter(typeof(JsonStringEnumConverter<TestStatus>))]
public enum TestStatus
{
    Passed,

    /// <summary>The last attempt failed an assertion.</summary>
    Failed,

    /// <summary>An attempt failed or errored and a later attempt in the same run passed.</summary>
    Flaky,

    /// <summary>Every attempt was skipped.</summary>
    Skipped,

    /// <summary>The last attempt ended with an error other than an assertion failure.</summary>
    Error,
}
