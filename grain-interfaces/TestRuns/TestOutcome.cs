using System.Text.Json.Serialization;

namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>What one attempt of a test ended with.</summary>
// Names, not numbers, wherever it is written as JSON (the REST API, stored state).
[JsonConverter(typeof(JsonStringEnumConverter<TestOutcome>))]
public enum TestOutcome
{
    Passed,

    /// <summary>An assertion failed (JUnit <c>failure</c>, TRX <c>Failed</c>).</summary>
    Failed,

    /// <summary>The test could not run to an assertion: an unexpected exception, a timeout, an abort.</summary>
    Error,

    Skipped,
}
