using Maestro.GrainInterfaces.Analytics;

namespace Maestro.Grains.Analytics;

/// <summary>The configured quality gate a run is checked against when a request names no limits of its own.</summary>
public sealed class QualityGateOptions
{
    /// <summary>Lowest (passed + flaky) ÷ (total − skipped). Default 0.95. Null: not checked.</summary>
    public double? MinPassRate { get; set; } = 0.95;

    /// <summary>Most tests newly failing against the previous run of the suite on the branch. Default 0. Null: not checked.</summary>
    public int? MaxNewFailures { get; set; } = 0;

    /// <summary>Most tests passing only on a retry. Default 10. Null: not checked.</summary>
    public int? MaxFlakyTests { get; set; } = 10;

    /// <summary>Longest run in milliseconds (sum of attempts). Default null: not checked.</summary>
    public double? MaxDurationMs { get; set; }

    public QualityGateCriteria ToCriteria() => new(MinPassRate, MaxNewFailures, MaxFlakyTests, MaxDurationMs);

    public void Validate() => QualityGateEvaluator.Validate(ToCriteria());
}
