using Maestro.GrainInterfaces.Workflows;

namespace Maestro.Grains.Workflows;

/// <summary>
/// The persisted state of one workflow instance: the definition text (parsed again on activation), the effective
/// inputs and env, every step's state and the journal. Written after every transition.
/// </summary>
public sealed class WorkflowState
{
    /// <summary>Journal entries kept; older ones are dropped (the sequence keeps counting), as Temporal caps a history.</summary>
    public const int JournalCapacity = 10_000;

    public string Yaml { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public WorkflowStatus Status { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>When the workflow's own <c>timeout</c> runs out; counted from the start, pauses included.</summary>
    public DateTimeOffset? Deadline { get; set; }

    public string? Error { get; set; }

    public Dictionary<string, string> Inputs { get; set; } = [];

    public Dictionary<string, string> Env { get; set; } = [];

    public Dictionary<string, StepState> Steps { get; set; } = [];

    public Dictionary<string, string> Outputs { get; set; } = [];

    public List<JournalEntry> Journal { get; set; } = [];

    public long JournalSequence { get; set; }
}
