namespace Maestro.Bench.Suites;

/// <summary>How long a grain of a killed silo was unreachable through the survivor, and what the callers saw meanwhile.</summary>
internal sealed record FailoverMeasurement(
    double Seconds,
    int FailedAttempts,
    string FirstError,
    string HostBefore,
    string HostAfter,
    double TargetSeconds)
{
    public bool MeetsTarget => Seconds <= TargetSeconds;

    public string Verdict => MeetsTarget ? "PASS" : "ABOVE TARGET";
}
