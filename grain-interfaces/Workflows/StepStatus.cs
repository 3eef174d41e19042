using System.Text.Json.Serialization;

namespace Maestro.GrainInterfaces.Workflows;

/// <summary>Where one step is. Succeeded, Failed, TimedOut, Skipped and Cancelled are final.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepStatus>))]
public enum StepStatus
{
    Pending,
    Running,
    /// <summary>A manual approval step waiting for <see cref="IWorkflowGrain.Approve"/>.</summary>
    WaitingForApproval,
    Succeeded,
    Failed,
    TimedOut,
    /// <summary>Its <c>when</c> condition was false.</summary>
    Skipped,
    Cancelled,
}
