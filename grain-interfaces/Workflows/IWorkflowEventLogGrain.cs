using Maestro.Runtime;

namespace Maestro.GrainInterfaces.Workflows;

/// <summary>
/// The events published to one stream name by workflow <c>publish</c> steps (key: the stream name), kept in order
/// and bounded. It stands where Maestro's streams will: publishing goes through a seam in the grains.
/// </summary>
public interface IWorkflowEventLogGrain : IGrainWithStringKey
{
    /// <summary>Appends the event and returns it with its sequence number.</summary>
    Task<WorkflowEvent> Append(string workflowId, string stepId, IReadOnlyDictionary<string, string> payload);

    Task<ResultPage<WorkflowEvent>> Read(int offset, int limit);
}
