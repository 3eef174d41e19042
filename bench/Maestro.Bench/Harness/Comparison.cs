namespace Maestro.Bench.Harness;

/// <summary>A runtime figure beside its raw baseline, measured in the same run with the same number of callers.</summary>
internal sealed record Comparison(string Figure, Measurement Subject, Measurement Baseline, double Target)
{
    public double Ratio => Baseline.OpsPerSecond > 0 ? Subject.OpsPerSecond / Baseline.OpsPerSecond : 0;

    public bool MeetsTarget => Ratio >= Target;

    public string Verdict => MeetsTarget ? "PASS" : "BELOW TARGET";
}
