using System.Text.Json;
using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.Hosting;
using Maestro.Runtime.Concurrency;

namespace Maestro.Grains.TestRuns.Execution;

/// <summary>
/// Executes one run (key: the run id). <see cref="Start"/> validates and stores the request and returns; a driver in
/// this activation lists the tests, estimates their durations from their histories, plans the shards longest first
/// (<see cref="LptShardPlanner"/>), stores the plan, and starts every shard on its own <see cref="ITestShardGrain"/>.
/// Shards report back when they end; a timer also asks the ones still running, which resumes a shard whose silo died.
/// <see cref="Cancel"/> stores the run as cancelled before it stops the shards, and an activation of a cancelled run
/// stops any shard still open, so a crash in between leaves no shard running.
/// Reentrant, so reads and shard reports are answered while it works; its single thread still orders every change.
/// </summary>
[Reentrant]
public sealed class TestRunExecutionGrain(
    [PersistentState("test-run-execution")] IPersistentState<TestRunExecutionState> state,
    TestAdapterRegistry adapters,
    IOptions<TestExecutionOptions> options,
    TimeProvider timeProvider,
    ILogger<TestRunExecutionGrain> logger) : Grain, ITestRunExecutionGrain
{
    private readonly TestExecutionOptions settings = options.Value;
    private readonly SerializedStateWriter<TestRunExecutionState> writer = new(state);
    private Task? driver;
    private IGrainTimer? shardCheck;

    private TestRunExecutionState State => state.State;

    private string RunId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Status == TestRunExecutionStatus.Cancelled && State.Shards.Any(IsOpen))
        {
            try
            {
                await CancelShardsAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The run stays readable; cancelling it again reaches the shards that are still open.
                logger.LogWarning(ex, "Run {RunId} is cancelled but could not stop all its shards; cancel it again to retry", RunId);
            }
        }

        EnsureDriver();
    }

    public async Task<TestRunExecution> Start(TestRunStartRequest request)
    {
        TestRunRequestValidator.Validate(request, settings, adapters);
        if (State.Request is { } existing)
        {
            return JsonSerializer.Serialize(existing) == JsonSerializer.Serialize(request)
                ? Snapshot()
                : throw new InvalidOperationException($"run {RunId} was already started with another request");
        }

        if (await GrainFactory.GetGrain<ITestRunGrain>(RunId).GetReport() is not null)
        {
            throw new InvalidOperationException($"run {RunId} already holds imported results; start the suite under a new run id");
        }

        State.Request = request;
        State.Status = TestRunExecutionStatus.Queued;
        State.CreatedAt = timeProvider.GetUtcNow();
        await PersistAsync();
        EnsureDriver();
        return Snapshot();
    }

    public Task<TestRunExecution?> GetExecution() => Task.FromResult(State.Request is null ? null : Snapshot());

    public async Task<TestRunExecution?> Cancel(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (State.Request is null)
        {
            return null;
        }

        if (State.Status is TestRunExecutionStatus.Queued or TestRunExecutionStatus.Running)
        {
            State.Status = TestRunExecutionStatus.Cancelled;
            State.Error = reason;
            State.FinishedAt = timeProvider.GetUtcNow();
            await PersistAsync();
            StopChecking();
        }

        if (State.Status == TestRunExecutionStatus.Cancelled && State.Shards.Any(IsOpen))
        {
            await CancelShardsAsync();
        }

        return Snapshot();
    }

    public async Task ReportShard(TestShardReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (State.Status is not (TestRunExecutionStatus.Running or TestRunExecutionStatus.Cancelled) || report.Shard < 0 || report.Shard >= State.Shards.Count)
        {
            return;
        }

        // Ended is final, except that a shard cancelled while it added its results may still say it completed.
        var known = State.Shards[report.Shard];
        if (known.Status is TestShardStatus.Completed or TestShardStatus.Failed
            || report.Status is TestShardStatus.Pending
            || (known.Status is TestShardStatus.Cancelled && report.Status is not TestShardStatus.Completed))
        {
            return;
        }

        State.Shards[report.Shard] = report with { EstimatedMs = known.EstimatedMs, TestIds = known.TestIds };
        if (State.Status == TestRunExecutionStatus.Cancelled)
        {
            // A shard that was adding its results when the run was cancelled finished doing so: the totals count them.
            State.Totals = await TotalsAsync();
        }
        else if (State.Shards.All(s => s.Status is TestShardStatus.Completed or TestShardStatus.Failed))
        {
            await FinishAsync();
            return;
        }

        await PersistAsync();
    }

    private void EnsureDriver()
    {
        if (State.Request is null || State.Status is not (TestRunExecutionStatus.Queued or TestRunExecutionStatus.Running) || driver is { IsCompleted: false })
        {
            return;
        }

        shardCheck ??= this.RegisterGrainTimer(CheckShardsAsync, new GrainTimerCreationOptions(settings.ShardCheckInterval, settings.ShardCheckInterval) { KeepAlive = true, Interleave = true });
        driver = DriveAsync();
    }

    private async Task DriveAsync()
    {
        try
        {
            if (State.Status == TestRunExecutionStatus.Queued)
            {
                await PlanAsync();
            }

            if (State.Status == TestRunExecutionStatus.Running)
            {
                await StartShardsAsync();
            }
        }
        catch (Exception ex) when (State.Status == TestRunExecutionStatus.Cancelled)
        {
            // Listing or starting was cut short by the cancel; the run is already stored as cancelled.
            logger.LogInformation(ex, "Run {RunId} was cancelled while its shards were planned or started", RunId);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Run {RunId} failed before its shards ran", RunId);
            State.Status = TestRunExecutionStatus.Failed;
            State.Error = ex is ArgumentException argument ? TestRunRequestValidator.MessageOf(argument) : ex.Message;
            State.FinishedAt = timeProvider.GetUtcNow();
            await PersistAsync();
            StopChecking();
        }
    }

    /// <summary>Lists the tests, estimates them from history and stores the shard plan (one whole-suite shard when the adapter cannot list).</summary>
    private async Task PlanAsync()
    {
        var request = State.Request!;
        var adapter = adapters.Get(request.Suite.Adapter);
        var listed = await Task.Run(() => adapter.ListTestsAsync(request.Suite, CancellationToken.None));
        if (listed is null)
        {
            State.Shards = [NewShard(0, null, 0)];
        }
        else
        {
            var ids = listed.Distinct(StringComparer.Ordinal).ToList();
            if (ids.Count == 0)
            {
                throw new InvalidOperationException($"the {request.Suite.Adapter} adapter listed no tests in suite '{request.Suite.Name}'");
            }

            var expected = DurationEstimator.Estimate(await DurationHistoryAsync(request.Suite.Name, ids), settings.DefaultTestDurationMs);
            State.Shards = [.. LptShardPlanner.Plan(expected, request.Shards).Select(p => NewShard(p.Shard, p.TestIds, p.EstimatedMs))];
        }

        if (State.Status == TestRunExecutionStatus.Cancelled)
        {
            // Cancelled while the tests were listed: the plan is kept for the record, every shard cancelled unstarted.
            State.Shards = [.. State.Shards.Select(s => s with { Status = TestShardStatus.Cancelled })];
        }
        else
        {
            State.Status = TestRunExecutionStatus.Running;
        }

        await PersistAsync();
    }

    /// <summary>Each test's duration statistics; none at all for a suite that never ran, without waking a history grain per test.</summary>
    private async Task<Dictionary<string, DurationStatistics?>> DurationHistoryAsync(string suite, IReadOnlyList<string> ids)
    {
        var runs = await GrainFactory.GetGrain<ISuiteHistoryGrain>(suite).ListRuns(null, 1, 1);
        if (runs.TotalItems == 0)
        {
            return ids.ToDictionary(id => id, _ => (DurationStatistics?)null, StringComparer.Ordinal);
        }

        var durations = await Task.WhenAll(ids.Select(async id =>
            (id, (await GrainFactory.GetGrain<ITestHistoryGrain>(TestHistoryKey.For(suite, id)).GetReport(null)).Durations)));
        return durations.ToDictionary(d => d.id, d => (DurationStatistics?)d.Durations, StringComparer.Ordinal);
    }

    private async Task StartShardsAsync()
    {
        // All at once: the placements then happen together, so activation-count placement balances them with the counts
        // it placed itself instead of reading a published count that does not include them yet.
        var request = State.Request!;
        var started = await Task.WhenAll(State.Shards.Where(s => s.Status == TestShardStatus.Pending).ToList()
            .Select(shard => ShardGrain(shard.Shard).Start(new TestShardAssignment(RunId, shard.Shard, request, shard.TestIds))));
        foreach (var report in started)
        {
            await ReportShard(report);
        }

        await PersistAsync();
    }

    /// <summary>Asks every shard still running how it is: a shard whose silo died resumes when asked, and a lost report is found.</summary>
    private async Task CheckShardsAsync(CancellationToken cancellationToken)
    {
        if (State.Status != TestRunExecutionStatus.Running)
        {
            return;
        }

        foreach (var shard in State.Shards.Where(s => s.Status == TestShardStatus.Running).ToList())
        {
            try
            {
                if (await ShardGrain(shard.Shard).GetReport() is { } report)
                {
                    await ReportShard(report);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Shard {Shard} of run {RunId} did not answer; asking again next check", shard.Shard, RunId);
            }
        }
    }

    /// <summary>Stops every shard not yet ended, then stores what each ended with and the totals of the results recorded.</summary>
    private async Task CancelShardsAsync()
    {
        var open = State.Shards.Where(IsOpen).Select(s => s.Shard).ToList();
        var ended = await Task.WhenAll(open.Select(async shard => (Shard: shard, Status: await ShardGrain(shard).Cancel())));
        foreach (var (shard, status) in ended)
        {
            if (IsOpen(State.Shards[shard]))
            {
                State.Shards[shard] = State.Shards[shard] with { Status = status };
            }
        }

        State.Totals = await TotalsAsync();
        await PersistAsync();
    }

    private static bool IsOpen(TestShardReport shard) => shard.Status is TestShardStatus.Pending or TestShardStatus.Running;

    private async Task<TestRunTotals?> TotalsAsync() => (await GrainFactory.GetGrain<ITestRunGrain>(RunId).GetReport())?.Totals;

    private async Task FinishAsync()
    {
        // Read before the status changes: a reader answered during this await must not see a finished run without totals.
        var totals = await TotalsAsync();
        var failed = State.Shards.Where(s => s.Status == TestShardStatus.Failed).ToList();
        State.Totals = totals;
        State.Status = failed.Count == 0 ? TestRunExecutionStatus.Completed : TestRunExecutionStatus.Failed;
        State.Error = failed.Count == 0 ? null : string.Join("; ", failed.Select(s => $"shard {s.Shard}: {s.Error}"));
        State.FinishedAt = timeProvider.GetUtcNow();
        await PersistAsync();
        StopChecking();
    }

    private void StopChecking()
    {
        shardCheck?.Dispose();
        shardCheck = null;
    }

    private ITestShardGrain ShardGrain(int shard) => GrainFactory.GetGrain<ITestShardGrain>(TestShardKey.For(RunId, shard));

    private static TestShardReport NewShard(int shard, IReadOnlyList<string>? testIds, double estimatedMs) =>
        new(shard, TestShardStatus.Pending, null, testIds, estimatedMs, 0, 0, null, null, null);

    private TestRunExecution Snapshot() =>
        new(RunId, State.Request!, State.Status, State.CreatedAt, State.FinishedAt, State.Error, [.. State.Shards], State.Totals);

    private Task PersistAsync() => writer.WriteAsync();
}
