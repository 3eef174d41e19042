using System.Text.Json.Serialization;

namespace Maestro.GrainInterfaces.Workflows;

/// <summary>Where a workflow instance is in its life. Completed, Failed and Cancelled are final.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkflowStatus>))]
public enum WorkflowStatus
{
    /// <summary>No workflow was started under this id.</summary>
    NotStarted,
    Running,
    /// <summary>No new step starts; steps already running finish and are recorded.</summary>
    Paused,
    Completed,
    Failed,
    Cancelled,
}
