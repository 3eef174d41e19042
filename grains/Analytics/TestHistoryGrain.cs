using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns;
using Maestro.Runtime;
using Microsoft.Extensions.Options;

namespace Maestro.Grains.Analytics;

/// <summary>One test's history (key: <see cref="TestHistoryKey"/>): pass rate, durations, trends per branch, flakiness.</summary>
public sealed class TestHistoryGrain(
    [PersistentState("test-history")] IPersistentState<TestHistoryState> state,
    IOptions<TestResultsOptions> options) : Grain, ITestHistoryGrain
{
    private readonly TestResultsOptions settings = options.Value;

    public async Task Record(TestHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entries = state.State.Entries;
        var existing = entries.FindIndex(e => string.Equals(e.RunId, entry.RunId, StringComparison.Ordinal));
        if (existing >= 0)
        {
            if (entries[existing] == entry)
            {
                return;
            }

            // A run imported in several files updates its entry in place: the run happened when it first did.
            entries[existing] = entry;
        }
        else
        {
            entries.Add(entry);
            if (entries.Count > settings.MaxHistoryEntriesPerTest)
            {
                entries.RemoveRange(0, entries.Count - settings.MaxHistoryEntriesPerTest);
            }
        }

        await state.WriteStateAsync();
    }

    public Task<TestHistoryReport> GetReport(string? branch)
    {
        TestHistoryKey.TryParse(this.GetPrimaryKeyString(), out var suite, out var testId);
        var entries = state.State.Entries;
        var branches = entries
            .GroupBy(e => e.Branch, StringComparer.Ordinal)
            .Select(g => new BranchTrend(g.Key, g.Count(), PassRate(g), Durations(g), g.Last().Status))
            .OrderBy(b => b.Branch, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(new TestHistoryReport(
            suite,
            testId,
            Enumerable.Reverse(entries).ToList(),
            PassRate(entries),
            Durations(entries),
            branches,
            Verdict(branch)));
    }

    public Task<FlakyVerdict> GetFlakiness(string? branch) => Task.FromResult(Verdict(branch));

    private FlakyVerdict Verdict(string? branch) =>
        FlakyDetector.Evaluate(
            branch is null ? state.State.Entries : state.State.Entries.Where(e => string.Equals(e.Branch, branch, StringComparison.Ordinal)).ToList(),
            settings.Flaky);

    /// <summary>Over runs that counted: skipped runs and infrastructure failures say nothing about the test.</summary>
    private static double PassRate(IEnumerable<TestHistoryEntry> entries)
    {
        var counted = entries.Where(Counts).ToList();
        return counted.Count == 0 ? 1 : (double)counted.Count(e => e.Status is TestStatus.Passed or TestStatus.Flaky) / counted.Count;
    }

    private static DurationStatistics Durations(IEnumerable<TestHistoryEntry> entries) =>
        DurationStatisticsCalculator.Compute(entries.Where(Counts).Select(e => e.DurationMs));

    private static bool Counts(TestHistoryEntry entry) => entry.Status != TestStatus.Skipped && !entry.InfrastructureFailure;
}
