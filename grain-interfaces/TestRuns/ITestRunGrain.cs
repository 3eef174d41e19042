using Maestro.Runtime;
using Maestro.GrainInterfaces.Analytics;

namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>One test run (key: the run id): every attempt of every test, the statuses and totals, and the run's analytics.</summary>
public interface ITestRunGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds a parsed result file to the run and persists it in one write. A test already in the run gets the new
    /// attempts after its earlier ones. The first import sets the run's metadata; later ones must name the same suite.
    /// </summary>
    Task<TestRunReport> Import(TestRunImport import);

    /// <summary>The run, or null when nothing was ever imported into it.</summary>
    Task<TestRunReport?> GetReport();

    /// <summary>The run's failures grouped by normalised message and exception type, largest cluster first.</summary>
    Task<IReadOnlyList<FailureCluster>> GetClusters();

    /// <summary>The run checked against the quality gate; <paramref name="criteria"/> null means the configured gate.</summary>
    Task<QualityGateResult> EvaluateGate(QualityGateCriteria? criteria);
}
