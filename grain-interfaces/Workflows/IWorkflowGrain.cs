using Maestro.Runtime;

namespace Maestro.GrainInterfaces.Workflows;

/// <summary>
/// One workflow instance (key: the instance id). It keeps the definition, every step's state and outputs and a journal
/// of transitions; it persists each step's completion before starting the steps that depend on it, so after a silo
/// dies it continues from there on another silo (or the restarted one) without re-running completed steps.
/// </summary>
public interface IWorkflowGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates and starts the workflow. A definition with problems returns them all and stores nothing. Starting an
    /// id that already runs the same definition returns it as it stands (so a retried start is harmless).
    /// </summary>
    Task<WorkflowStartResult> Start(WorkflowStartRequest request);

    /// <summary>Stops starting new steps; running steps finish and are recorded. Throws <see cref="InvalidOperationException"/> unless running.</summary>
    Task<WorkflowSnapshot> Pause();

    /// <summary>Continues a paused workflow. Throws <see cref="InvalidOperationException"/> unless paused.</summary>
    Task<WorkflowSnapshot> Resume();

    /// <summary>Cancels running steps (killing their processes) and ends the workflow as Cancelled. Throws when already final.</summary>
    Task<WorkflowSnapshot> Cancel(string reason);

    /// <summary>Answers a manual approval step. Throws <see cref="InvalidOperationException"/> if that step is not waiting.</summary>
    Task<WorkflowSnapshot> Approve(string stepId, ApprovalDecision decision);

    /// <summary>The instance as it stands; Status NotStarted when no workflow has this id.</summary>
    Task<WorkflowSnapshot> GetSnapshot();

    Task<ResultPage<JournalEntry>> GetJournal(int offset, int limit);

    /// <summary>Activates the instance so a running workflow continues; used by the recovery scan. Does nothing else.</summary>
    Task Kick();
}
