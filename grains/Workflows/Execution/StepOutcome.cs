using Maestro.GrainInterfaces.Workflows;

namespace Maestro.Grains.Workflows;

/// <summary>How a step ended: Succeeded, Failed or TimedOut, with its outputs, the attempts it took and the last error.</summary>
public sealed record StepOutcome(StepStatus Status, IReadOnlyDictionary<string, string> Outputs, int Attempts, string? Error);
