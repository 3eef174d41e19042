using System.Text.Json.Serialization;

namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>Where one shard of an executed run is.</summary>
// Names, not numbers, wherever it is written as JSON (the REST API, stored state).
[JsonConverter(typeof(JsonStringEnumConverter<TestShardStatus>))]
public enum TestShardStatus
{
    /// <summary>Planned, not yet started by its grain.</summary>
    Pending,

    Running,

    /// <summary>Every attempt ran and the results were added to the run.</summary>
    Completed,

    /// <summary>The adapter could not run the shard or its results could not be recorded.</summary>
    Failed,

    /// <summary>Stopped because its run was cancelled, before its results were added to the run: it recorded nothing.</summary>
    Cancelled,
}
