using Maestro.GrainInterfaces.Workflows;

namespace Maestro.Grains.Workflows;

/// <summary>The persisted state of one step.</summary>
public sealed class StepState
{
    public StepStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public Dictionary<string, string> Outputs { get; set; } = [];

    public string? Error { get; set; }
}
