using Maestro.GrainInterfaces.Workflows;
using Maestro.Runtime;

namespace Maestro.Grains.Workflows;

/// <summary>
/// The list of workflow instances. One grain holds them all, which is simple and enough for thousands of instances;
/// a partitioned index (by id hash) is the next step when that stops being true.
/// </summary>
public sealed class WorkflowIndexGrain([PersistentState("index")] IPersistentState<WorkflowIndexState> index) : Grain, IWorkflowIndexGrain
{
    public async Task Record(WorkflowSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var changed = summary.Status == WorkflowStatus.NotStarted
            ? index.State.Workflows.Remove(summary.Id)
            : !index.State.Workflows.TryGetValue(summary.Id, out var known) || known != summary;
        if (summary.Status != WorkflowStatus.NotStarted)
        {
            index.State.Workflows[summary.Id] = summary;
        }

        if (changed)
        {
            await index.WriteStateAsync();
        }
    }

    public Task<ResultPage<WorkflowSummary>> List(WorkflowStatus? status, int offset, int limit)
    {
        var matching = index.State.Workflows.Values
            .Where(w => status is null || w.Status == status)
            .OrderByDescending(w => w.StartedAt).ThenBy(w => w.Id, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new ResultPage<WorkflowSummary>([.. matching.Skip(offset).Take(limit)], matching.Count, offset, limit));
    }

    public Task<IReadOnlyList<string>> Running() =>
        // A concrete List: values crossing a grain call are copied by their runtime type, and a collection
        // expression's synthesized read-only type cannot be rebuilt.
        Task.FromResult<IReadOnlyList<string>>(index.State.Workflows.Values.Where(w => w.Status == WorkflowStatus.Running).Select(w => w.Id).ToList());
}
