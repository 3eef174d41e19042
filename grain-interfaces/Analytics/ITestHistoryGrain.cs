using Maestro.Runtime;

namespace Maestro.GrainInterfaces.Analytics;

/// <summary>One test's results over time (key: <see cref="TestHistoryKey.For"/> of suite and test id), bounded.</summary>
public interface ITestHistoryGrain : IGrainWithStringKey
{
    /// <summary>Adds the test's result in a run, replacing an earlier entry for the same run.</summary>
    Task Record(TestHistoryEntry entry);

    /// <summary>The history and its statistics; <paramref name="branch"/> limits the flaky verdict to one branch.</summary>
    Task<TestHistoryReport> GetReport(string? branch);

    /// <summary>Only the flaky verdict (what a suite's flaky list needs), limited to <paramref name="branch"/> when given.</summary>
    Task<FlakyVerdict> GetFlakiness(string? branch);
}
