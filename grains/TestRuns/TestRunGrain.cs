using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.Analytics;
using Maestro.Runtime;
using Microsoft.Extensions.Options;

namespace Maestro.Grains.TestRuns;

/// <summary>
/// One test run. An import is validated and merged in memory, then persisted in a single write, so a run never holds
/// half a file. The suite's history and each test's history are told afterwards (see <see cref="TestRunState.AnalyticsPending"/>).
/// </summary>
public sealed class TestRunGrain(
    [PersistentState("test-run")] IPersistentState<TestRunState> state,
    IOptions<TestResultsOptions> options) : Grain, ITestRunGrain
{
    private const int MaxLabelLength = 256;
    private readonly TestResultsOptions settings = options.Value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.AnalyticsPending)
        {
            await PublishAsync();
        }
    }

    public async Task<TestRunReport> Import(TestRunImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        Validate(import);
        var current = state.State;
        if (current.Metadata is { } existing && !string.Equals(existing.Suite, import.Metadata.Suite, StringComparison.Ordinal))
        {
            throw new ArgumentException($"run {this.GetPrimaryKeyString()} belongs to suite '{existing.Suite}', not '{import.Metadata.Suite}'");
        }

        var merged = current.Tests.ToDictionary(t => t.TestId, t => t.Attempts.ToList(), StringComparer.Ordinal);
        var order = current.Tests.Select(t => t.TestId).ToList();
        foreach (var test in import.Tests)
        {
            if (!merged.TryGetValue(test.TestId, out var attempts))
            {
                attempts = [];
                merged.Add(test.TestId, attempts);
                order.Add(test.TestId);
            }

            attempts.AddRange(test.Attempts);
        }

        var now = DateTimeOffset.UtcNow;
        var next = new TestRunState
        {
            Metadata = current.Metadata ?? import.Metadata,
            CreatedAt = current.Metadata is null ? now : current.CreatedAt,
            UpdatedAt = now,
            Files = [.. current.Files, import.FileName],
            Tests = order.Select(id => new TestCaseResult(id, merged[id])).ToList(),
            Comparison = current.Comparison,
            AnalyticsPending = true,
        };
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored, so not imported: the run stays exactly as it was before this call.
            state.State = current;
            throw;
        }

        await PublishAsync();
        return BuildReport();
    }

    public Task<TestRunReport?> GetReport() => Task.FromResult(state.State.Metadata is null ? null : BuildReport());

    public Task<IReadOnlyList<FailureCluster>> GetClusters() => Task.FromResult(Cluster());

    public Task<QualityGateResult> EvaluateGate(QualityGateCriteria? criteria)
    {
        var limits = criteria ?? settings.QualityGate.ToCriteria();
        QualityGateEvaluator.Validate(limits);
        if (state.State.Metadata is null)
        {
            throw new InvalidOperationException($"run {this.GetPrimaryKeyString()} has no results to evaluate");
        }

        return Task.FromResult(QualityGateEvaluator.Evaluate(BuildReport(), limits));
    }

    /// <summary>Tells the suite (for the comparison) and every test's history, then clears the pending mark.</summary>
    private async Task PublishAsync()
    {
        var report = BuildReport();
        var suite = report.Metadata.Suite;
        var comparison = await GrainFactory.GetGrain<ISuiteHistoryGrain>(suite).RecordRun(new SuiteRunSummary(
            report.RunId,
            report.Metadata.Branch,
            report.Metadata.Commit,
            report.Metadata.Environment,
            report.CreatedAt,
            report.Totals,
            report.DurationMs,
            report.InfrastructureFailure,
            report.Tests.Where(t => TestStatusRules.IsFailing(t.Status)).Select(t => t.TestId).ToList(),
            report.Tests.Where(t => t.Status == TestStatus.Flaky).Select(t => t.TestId).ToList()));

        var clusterByTest = Cluster().SelectMany(c => c.TestIds.Select(id => (id, c.ClusterId))).ToDictionary(x => x.id, x => x.ClusterId, StringComparer.Ordinal);
        await Task.WhenAll(report.Tests.Select(test => GrainFactory.GetGrain<ITestHistoryGrain>(TestHistoryKey.For(suite, test.TestId)).Record(new TestHistoryEntry(
            report.RunId,
            report.Metadata.Branch,
            report.Metadata.Commit,
            report.CreatedAt,
            test.Status,
            test.DurationMs,
            report.InfrastructureFailure,
            clusterByTest.GetValueOrDefault(test.TestId)))));

        state.State.Comparison = comparison;
        state.State.AnalyticsPending = false;
        await state.WriteStateAsync();
    }

    private IReadOnlyList<FailureCluster> Cluster()
    {
        var failures = new List<FailureSample>();
        foreach (var test in state.State.Tests)
        {
            if (TestStatusRules.IsFailing(TestStatusRules.StatusOf(test.Attempts))
                && test.Attempts.LastOrDefault(a => a.Outcome is TestOutcome.Failed or TestOutcome.Error) is { } failing)
            {
                failures.Add(new FailureSample(test.TestId, failing.Outcome, failing.Message, failing.StackTrace, failing.FailureType));
            }
        }

        return FailureClusterer.Cluster(failures, settings.Clustering);
    }

    private TestRunReport BuildReport()
    {
        var run = state.State;
        var metadata = run.Metadata ?? throw new InvalidOperationException("The run has no results yet.");
        var tests = run.Tests
            .Select(t => new TestRunTest(t.TestId, TestStatusRules.StatusOf(t.Attempts), t.Attempts.Sum(a => a.DurationMs), t.Attempts))
            .ToList();
        var totals = TestStatusRules.Count(tests.Select(t => (t.Status, t.Attempts.Count)));
        var ran = totals.Total - totals.Skipped;
        var infrastructure = ran >= settings.MinTestsForInfrastructureVerdict
            && (double)(totals.Failed + totals.Error) / ran > settings.InfrastructureFailureThreshold;
        return new TestRunReport(
            this.GetPrimaryKeyString(),
            metadata,
            run.CreatedAt,
            run.UpdatedAt,
            run.Files,
            totals,
            tests.Sum(t => t.DurationMs),
            infrastructure,
            run.Comparison,
            tests);
    }

    private static void Validate(TestRunImport import)
    {
        var metadata = import.Metadata ?? throw new ArgumentException("the import has no metadata");
        foreach (var (name, value) in new[] { ("suite", metadata.Suite), ("source", metadata.Source), ("environment", metadata.Environment), ("branch", metadata.Branch), ("commit", metadata.Commit) })
        {
            if (value is null || value.Length > MaxLabelLength || value.Any(char.IsControl))
            {
                throw new ArgumentException($"{name} must be given, at most {MaxLabelLength} characters, without control characters");
            }
        }

        if (metadata.Suite.Trim().Length == 0)
        {
            throw new ArgumentException("suite must not be empty");
        }

        if (import.Tests is null || import.Tests.Any(t => string.IsNullOrWhiteSpace(t.TestId) || t.Attempts is null || t.Attempts.Count == 0))
        {
            throw new ArgumentException("every imported test needs an id and at least one attempt");
        }
    }
}
