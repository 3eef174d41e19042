namespace Maestro.Runtime.Statistics;

/// <summary>What one silo reports to the dashboard: who it is, how busy, and its grain calls.</summary>
/// <param name="Address">The silo's address (<c>local</c> for a silo running alone).</param>
/// <param name="SiloName">Its configured name.</param>
/// <param name="StartedAt">When it finished starting.</param>
/// <param name="Collecting">Whether grain calls are being counted now.</param>
/// <param name="ActivationCount">Its activations.</param>
/// <param name="ActivationsByType">Activations per grain type.</param>
/// <param name="CpuPercent">Process CPU over the last sample, as a share of all cores (0 to 100).</param>
/// <param name="WorkingSetBytes">The process's working set.</param>
/// <param name="AvailableMemoryBytes">The memory the runtime may use (the machine's, or the container limit).</param>
/// <param name="Methods">Calls per grain type and method since counting was last switched on.</param>
/// <param name="History">One sample per second while counting, oldest first, at most 100.</param>
public sealed record SiloStatistics(
    string Address,
    string SiloName,
    DateTimeOffset StartedAt,
    bool Collecting,
    int ActivationCount,
    Dictionary<string, int> ActivationsByType,
    double CpuPercent,
    long WorkingSetBytes,
    long AvailableMemoryBytes,
    MethodStatistics[] Methods,
    StatisticsSample[] History);
