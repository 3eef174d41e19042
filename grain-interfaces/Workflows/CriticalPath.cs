namespace Maestro.GrainInterfaces.Workflows;

/// <summary>
/// The chain of dependent steps with the longest total duration (running steps count up to now, pending ones zero):
/// the steps that decide how long the workflow takes.
/// </summary>
public sealed record CriticalPath(IReadOnlyList<string> Steps, TimeSpan Duration);
