namespace Maestro.Dashboard.Statistics;

/// <summary>A silo on the dashboard: membership facts and, when it answered, its figures.</summary>
public sealed record SiloView(
    string Address,
    string Name,
    string Status,
    string? Gateway,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    int Activations,
    double? CpuPercent,
    long? WorkingSetBytes,
    long? AvailableMemoryBytes,
    bool Collecting,
    string? Error);
