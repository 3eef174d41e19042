namespace Maestro.Dashboard.Statistics;

/// <summary>The overview the dashboard polls: tiles, 100 s of history, silos, grain types and top methods.</summary>
/// <param name="Collecting">Whether every answering silo counts calls now.</param>
/// <param name="ActiveSilos">Silos whose membership status is Active.</param>
/// <param name="TotalActivations">Activations over the answering silos.</param>
/// <param name="TotalCalls">Calls counted since statistics were switched on, over the answering silos.</param>
/// <param name="RequestsPerSecond">Calls in the last complete second.</param>
/// <param name="ErrorPercent">Failed calls in that second, in percent.</param>
/// <param name="AverageMilliseconds">Their average duration.</param>
/// <param name="History">One sample per second, oldest first, at most 100.</param>
/// <param name="Silos">Every silo the membership knows.</param>
/// <param name="GrainTypes">Grain types with activations or calls, by name.</param>
/// <param name="Top">Top methods.</param>
public sealed record ClusterOverview(
    bool Collecting,
    int ActiveSilos,
    int TotalActivations,
    long TotalCalls,
    long RequestsPerSecond,
    double ErrorPercent,
    double AverageMilliseconds,
    IReadOnlyList<ClusterSample> History,
    IReadOnlyList<SiloView> Silos,
    IReadOnlyList<GrainTypeView> GrainTypes,
    TopMethods Top);
