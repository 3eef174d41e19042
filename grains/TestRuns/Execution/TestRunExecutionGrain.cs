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

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        EnsureDriver();
        return Task.CompletedTask;
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

    public async Task ReportShard(TestShardReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (State.Status != TestRunExecutionStatus.Running || report.Shard < 0 || report.Shard >= State.Shards.Count)
        {
            return;
        }

        var known = State.Shards[report.Shard];
        if (known.Status is TestShardStatus.Completed or TestShardStatus.Failed || report.Status is TestShardStatus.Pending)
        {
            return;
        }

        State.Shards[report.Shard] = report with { EstimatedMs = known.EstimatedMs, TestIds = known.TestIds };
        if (State.Shards.All(s => s.Status is TestShardStatus.Completed or TestShardStatus.Failed))
        {
            await FinishAsync();
            return;
        }

        await PersistAsync();
    }

    private void EnsureDriver()
    {
        if (State.Request is null || State.Status is TestRunExecutionStatus.Completed or TestRunExecutionStatus.Failed || driver is { IsCompleted: false })
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

        State.Status = TestRunExecutionStatus.Running;
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

    private async Task FinishAsync()
    {
        // Read before the status changes: a reader answered during this await must not see a finished run without totals.
        var totals = (await GrainFactory.GetGrain<ITestRunGrain>(RunId).GetReport())?.Totals;
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
