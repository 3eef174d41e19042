namespace Maestro.Bench.Harness;

/// <summary>
/// One measured case: throughput over the measured window and the latency of the calls that ended in it. p99.9 and
/// the maximum are kept (in the JSON) because a scheduling change can starve a few callers while p50/p99 look better.
/// </summary>
internal sealed record Measurement(
    string Name,
    int Callers,
    long Operations,
    double Seconds,
    double OpsPerSecond,
    double P50Microseconds,
    double P99Microseconds,
    double P999Microseconds,
    double MaxMicroseconds,
    double MeanMicroseconds,
    double AllocatedBytesPerOperation,
    double CpuMicrosecondsPerOperation,
    double ThreadPoolItemsPerOperation,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections);
