namespace Maestro.GrainInterfaces.Events;

/// <summary>What a worker grain has handled since it activated, by event type, and whether its project is being monitored.</summary>
public sealed record WorkerStatistics(long Handled, Dictionary<string, long> ByType, bool Monitoring);
