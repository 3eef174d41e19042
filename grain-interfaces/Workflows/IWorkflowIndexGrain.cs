using Maestro.Runtime;

namespace Maestro.GrainInterfaces.Workflows;

/// <summary>
/// Every workflow instance with its last known status (one grain, key <see cref="Key"/>): the list behind the REST API
/// and the source of the recovery scan that resumes instances whose silo died.
/// </summary>
public interface IWorkflowIndexGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>Adds or updates an instance; a summary with status NotStarted removes it.</summary>
    Task Record(WorkflowSummary summary);

    /// <summary>Instances newest first, optionally only those in one status.</summary>
    Task<ResultPage<WorkflowSummary>> List(WorkflowStatus? status, int offset, int limit);

    /// <summary>Ids of the instances that are running: the ones a recovery scan must make sure are active.</summary>
    Task<IReadOnlyList<string>> Running();
}
