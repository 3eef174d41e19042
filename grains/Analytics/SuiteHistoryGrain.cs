using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns;
using Maestro.Runtime;
using Microsoft.Extensions.Options;

namespace Maestro.Grains.Analytics;

/// <summary>A suite's runs (key: the suite name): listing, per-branch trends, comparison with the previous run, flaky tests.</summary>
public sealed class SuiteHistoryGrain(
    [PersistentState("suite-history")] IPersistentState<SuiteHistoryState> state,
    IOptions<TestResultsOptions> options) : Grain, ISuiteHistoryGrain
{
    public const int MaxPageSize = 500;
    private readonly TestResultsOptions settings = options.Value;

    public async Task<RunComparison> RecordRun(SuiteRunSummary run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var runs = state.State.Runs;
        var index = runs.FindIndex(r => string.Equals(r.RunId, run.RunId, StringComparison.Ordinal));
        if (index >= 0)
        {
            runs[index] = run;
        }
        else
        {
            runs.Add(run);
            index = runs.Count - 1;
        }

        var previous = runs.Take(index).LastOrDefault(r => string.Equals(r.Branch, run.Branch, StringComparison.Ordinal));
        if (runs.Count > settings.MaxRunsPerSuite)
        {
            runs.RemoveRange(0, runs.Count - settings.MaxRunsPerSuite);
        }

        await state.WriteStateAsync();
        return Compare(run, previous);
    }

    public Task<RunPage> ListRuns(string? branch, int page, int pageSize)
    {
        if (page < 1 || pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentException($"page must be at least 1 and pageSize between 1 and {MaxPageSize}");
        }

        var matching = Enumerable.Reverse(OnBranch(branch)).ToList();
        var items = matching.Skip((int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize)).Take(pageSize).ToList();
        return Task.FromResult(new RunPage(items, page, pageSize, matching.Count));
    }

    public Task<IReadOnlyList<TrendPoint>> GetTrend(string branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        IReadOnlyList<TrendPoint> points = OnBranch(branch)
            .Select(r => new TrendPoint(r.RunId, r.Commit, r.RecordedAt, r.Totals.PassRate, r.DurationMs, r.Totals.Failed + r.Totals.Error, r.Totals.Flaky, r.InfrastructureFailure))
            .ToList();
        return Task.FromResult(points);
    }

    public async Task<IReadOnlyList<FlakyTest>> GetFlakyTests(string? branch)
    {
        var suite = this.GetPrimaryKeyString();
        var candidates = OnBranch(branch)
            .SelectMany(r => r.FailingTestIds.Concat(r.FlakyTestIds))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var verdicts = await Task.WhenAll(candidates.Select(async id =>
            new FlakyTest(id, await GrainFactory.GetGrain<ITestHistoryGrain>(TestHistoryKey.For(suite, id)).GetFlakiness(branch))));
        return verdicts
            .Where(t => t.Verdict.Classification is FlakyClassification.Flaky or FlakyClassification.Broken)
            .OrderBy(t => t.Verdict.Classification == FlakyClassification.Flaky ? 0 : 1)
            .ThenByDescending(t => t.Verdict.FlipRate ?? 0)
            .ThenBy(t => t.TestId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Newly failing: fails now and did not fail in the previous run (with no previous run, every failure is new).
    /// Fixed: failed in the previous run and is not failing now.
    /// </summary>
    public static RunComparison Compare(SuiteRunSummary run, SuiteRunSummary? previous)
    {
        ArgumentNullException.ThrowIfNull(run);
        var before = new HashSet<string>(previous?.FailingTestIds ?? [], StringComparer.Ordinal);
        var now = new HashSet<string>(run.FailingTestIds, StringComparer.Ordinal);
        return new RunComparison(
            previous?.RunId,
            run.FailingTestIds.Where(id => !before.Contains(id)).ToList(),
            (previous?.FailingTestIds ?? []).Where(id => !now.Contains(id)).ToList());
    }

    private IEnumerable<SuiteRunSummary> OnBranch(string? branch) =>
        branch is null ? state.State.Runs : state.State.Runs.Where(r => string.Equals(r.Branch, branch, StringComparison.Ordinal));
}
