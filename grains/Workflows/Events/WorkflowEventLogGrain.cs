using Maestro.GrainInterfaces.Workflows;
using Maestro.Runtime;

namespace Maestro.Grains.Workflows;

/// <summary>Keeps the last <see cref="Capacity"/> events of a stream in order; an append is acknowledged once stored.</summary>
public sealed class WorkflowEventLogGrain([PersistentState("events")] IPersistentState<WorkflowEventLogState> log, TimeProvider timeProvider) : Grain, IWorkflowEventLogGrain
{
    public const int Capacity = 1000;

    public async Task<WorkflowEvent> Append(string workflowId, string stepId, IReadOnlyDictionary<string, string> payload)
    {
        var appended = new WorkflowEvent(this.GetPrimaryKeyString(), log.State.LastSequence + 1, workflowId, stepId, payload, timeProvider.GetUtcNow());
        log.State.LastSequence = appended.Sequence;
        log.State.Events.Add(appended);
        if (log.State.Events.Count > Capacity)
        {
            log.State.Events.RemoveRange(0, log.State.Events.Count - Capacity);
        }

        await log.WriteStateAsync();
        return appended;
    }

    public Task<ResultPage<WorkflowEvent>> Read(int offset, int limit) =>
        Task.FromResult(new ResultPage<WorkflowEvent>([.. log.State.Events.Skip(offset).Take(limit)], log.State.Events.Count, offset, limit));
}
