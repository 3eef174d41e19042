using Maestro.GrainInterfaces.Workflows;
using Maestro.Runtime;

namespace Maestro.Grains.Workflows;

/// <summary>The default publisher: appends to the persistent event log grain of the stream.</summary>
public sealed class EventLogWorkflowEventPublisher(IGrainFactory grains) : IWorkflowEventPublisher
{
    public async Task<long> PublishAsync(string stream, string workflowId, string stepId, IReadOnlyDictionary<string, string> payload, CancellationToken cancellationToken)
    {
        var appended = await grains.GetGrain<IWorkflowEventLogGrain>(stream).Append(workflowId, stepId, payload);
        return appended.Sequence;
    }
}
