using Maestro.GrainInterfaces.Analytics;

namespace Maestro.Grains.Analytics;

/// <summary>A suite's kept runs in the order they were first recorded, bounded by <c>MaxRunsPerSuite</c>.</summary>
public sealed class SuiteHistoryState
{
    public List<SuiteRunSummary> Runs { get; set; } = [];
}
