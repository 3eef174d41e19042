namespace Maestro.Grains.Workflows;

/// <summary>A step executing on the thread pool, and the source that cancels it.</summary>
internal sealed record RunningStep(Task<StepOutcome> Task, CancellationTokenSource Cancellation);
