using Maestro.GrainInterfaces.Workflows;

namespace Maestro.Grains.Workflows;

/// <summary>The persisted workflow index: one summary per instance id.</summary>
public sealed class WorkflowIndexState
{
    public Dictionary<string, WorkflowSummary> Workflows { get; set; } = [];
}
