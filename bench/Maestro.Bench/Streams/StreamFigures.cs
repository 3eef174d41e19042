namespace Maestro.Bench.Streams;

/// <summary>One backend's stream figures beside its raw insert baseline from the same run and database.</summary>
internal sealed record StreamFigures(
    string Backend,
    long EventsPublished,
    double EventsPerSecond,
    double RawRowsPerSecond,
    double LatencyP50Ms,
    double LatencyP99Ms,
    double RawInsertP50Ms,
    double RawInsertP99Ms,
    double? EventsPerSecondTarget,
    double? LatencyP99TargetMs)
{
    public double ThroughputRatio => RawRowsPerSecond > 0 ? EventsPerSecond / RawRowsPerSecond : 0;
}
