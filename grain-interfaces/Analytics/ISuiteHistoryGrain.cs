using Maestro.GrainInterfaces.TestRuns;
using Maestro.Runtime;

namespace Maestro.GrainInterfaces.Analytics;

/// <summary>A suite's runs over time (key: the suite name), bounded: listing, trends per branch, comparisons, flaky tests.</summary>
public interface ISuiteHistoryGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces the run and compares it with the run before it on the same branch.</summary>
    Task<RunComparison> RecordRun(SuiteRunSummary run);

    Task<RunPage> ListRuns(string? branch, int page, int pageSize);

    /// <summary>The runs on <paramref name="branch"/>, oldest first.</summary>
    Task<IReadOnlyList<TrendPoint>> GetTrend(string branch);

    /// <summary>Tests classified Flaky or Broken, from the histories of every test that did not pass in a kept run.</summary>
    Task<IReadOnlyList<FlakyTest>> GetFlakyTests(string? branch);
}
