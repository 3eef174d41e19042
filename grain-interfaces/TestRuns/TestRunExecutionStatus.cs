using System.Text.Json.Serialization;

namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>Where an executed run is. Test failures do not fail a run: a run fails when its tests could not be run or recorded.</summary>
// Names, not numbers, wherever it is written as JSON (the REST API, stored state).
[JsonConverter(typeof(JsonStringEnumConverter<TestRunExecutionStatus>))]
public enum TestRunExecutionStatus
{
    /// <summary>Accepted and stored; the tests are being listed and sharded.</summary>
    Queued,

    /// <summary>Shards are running.</summary>
    Running,

    /// <summary>Every shard ran and its results are in the run (the tests themselves may have failed).</summary>
    Completed,

    /// <summary>Listing failed, or a shard could not run or record its results.</summary>
    Failed,

    /// <summary>
    /// Stopped on request (<see cref="ITestRunExecutionGrain.Cancel"/>): the shards that had ended keep their results;
    /// the others were stopped and recorded nothing.
    /// </summary>
    Cancelled,
}
