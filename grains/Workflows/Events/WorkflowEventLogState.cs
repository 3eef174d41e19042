using Maestro.GrainInterfaces.Workflows;

namespace Maestro.Grains.Workflows;

/// <summary>The persisted events of one stream: the newest ones, and how many were ever appended.</summary>
public sealed class WorkflowEventLogState
{
    public long LastSequence { get; set; }

    public List<WorkflowEvent> Events { get; set; } = [];
}
