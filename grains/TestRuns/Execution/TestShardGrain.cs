using System.Globalization;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.Hosting;
using Maestro.Runtime.Concurrency;
using Maestro.Runtime.Placement;
using Microsoft.Extensions.Hosting;

namespace Maestro.Grains.TestRuns.Execution;

/// <summary>
/// One shard of a run (key: <see cref="TestShardKey"/>). <see cref="Start"/> stores the assignment and returns; a
/// driver in this activation runs the adapter on the thread pool, round after round (the tests, then the ones still
/// failing, up to the retry limit), stores every round's attempts, then adds them to the run through
/// <see cref="ITestRunGrain.Import"/> in one import and reports to the run. Reentrant, so reads are answered while it
/// runs. A shard whose silo died resumes on its next activation and runs the unfinished round again (at-least-once).
/// <see cref="Cancel"/> is stored before the round in progress is stopped, so a cancelled shard never resumes.
/// Placed by activation count, so a run's shards go to the least busy silos.
/// </summary>
[Reentrant]
[ActivationCountBasedPlacement]
public sealed class TestShardGrain(
    [PersistentState("test-shard")] IPersistentState<TestShardGrainState> state,
    TestAdapterRegistry adapters,
    SiloIdentity silo,
    IOptions<TestExecutionOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<TestShardGrain> logger) : Grain, ITestShardGrain
{
    // Room, past the suite's own timeout, for a command adapter's process runner to kill the tree and answer itself.
    private static readonly TimeSpan AdapterGrace = TimeSpan.FromSeconds(30);

    private readonly TestExecutionOptions settings = options.Value;
    private readonly SerializedStateWriter<TestShardGrainState> writer = new(state);
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource cancelling = new();
    private Task? driver;
    private IGrainTimer? keepAlive;
    private CancellationTokenRegistration hostStopping;

    private TestShardGrainState State => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        hostStopping = lifetime.ApplicationStopping.Register(stopping.Cancel);
        EnsureDriver();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        if (driver is not null)
        {
            await driver.WaitAsync(cancellationToken);
        }

        await hostStopping.DisposeAsync();
    }

    public async Task<TestShardReport> Start(TestShardAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        if (State.Assignment is null)
        {
            // Kept even when the shard was cancelled first, so its report can be given; it then never runs.
            State.Assignment = assignment;
            if (State.Status == TestShardStatus.Pending)
            {
                State.Status = TestShardStatus.Running;
                State.Silo = silo.Name;
                State.StartedAt = timeProvider.GetUtcNow();
            }

            await PersistAsync();
        }

        EnsureDriver();
        return Report();
    }

    public Task<TestShardReport?> GetReport()
    {
        EnsureDriver();
        return Task.FromResult(State.Assignment is null ? null : Report());
    }

    public async Task<TestShardStatus> Cancel()
    {
        if (State.Status is TestShardStatus.Pending or TestShardStatus.Running)
        {
            State.Status = TestShardStatus.Cancelled;
            State.FinishedAt = timeProvider.GetUtcNow();
            await PersistAsync();
            await cancelling.CancelAsync();
        }

        return State.Status;
    }

    private void EnsureDriver()
    {
        if (State.Status == TestShardStatus.Running && driver is not { IsCompleted: false } && !stopping.IsCancellationRequested)
        {
            keepAlive ??= this.RegisterGrainTimer(_ => Task.CompletedTask, new GrainTimerCreationOptions(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)) { KeepAlive = true, Interleave = true });
            driver = DriveAsync();
        }
    }

    private async Task DriveAsync()
    {
        var assignment = State.Assignment!;
        if (State.Silo != silo.Name)
        {
            // Resumed on another silo after the first one died: the report names where it runs now.
            State.Silo = silo.Name;
            await PersistAsync();
        }

        try
        {
            if (!State.Imported)
            {
                await RunRoundsAsync(assignment);
                if (stopping.IsCancellationRequested || cancelling.IsCancellationRequested)
                {
                    StopKeepingAlive();
                    return;
                }

                if (State.Tests.Count > 0)
                {
                    var request = assignment.Request;
                    var metadata = new TestRunMetadata(request.Suite.Name, request.Suite.Adapter, request.Environment ?? string.Empty, request.Branch ?? string.Empty, request.Commit ?? string.Empty);
                    await GrainFactory.GetGrain<ITestRunGrain>(assignment.RunId)
                        .Import(new TestRunImport(metadata, FormatOf(request.Suite.Adapter), $"shard-{assignment.Shard}", State.Tests));
                }

                State.Imported = true;
                State.Status = TestShardStatus.Completed;
                State.FinishedAt = timeProvider.GetUtcNow();
                await PersistAsync();
            }
        }
        catch (Exception ex) when (cancelling.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            // Whatever the stopped round threw (a killed process leaves no result file) comes from the cancel.
            logger.LogInformation(ex, "Shard {Shard} of run {RunId} was cancelled", assignment.Shard, assignment.RunId);
            StopKeepingAlive();
            return;
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Shard {Shard} of run {RunId} failed", assignment.Shard, assignment.RunId);
            State.Status = TestShardStatus.Failed;
            State.Error = ex is ArgumentException argument ? TestRunRequestValidator.MessageOf(argument) : ex.Message;
            State.FinishedAt = timeProvider.GetUtcNow();
            await PersistAsync();
        }
        catch (Exception ex)
        {
            // The silo or the activation is going away; the stored state stands and the next activation resumes it.
            logger.LogInformation(ex, "Shard {Shard} of run {RunId} stopped with its activation; it resumes on the next one", assignment.Shard, assignment.RunId);
            return;
        }

        StopKeepingAlive();
        try
        {
            await GrainFactory.GetGrain<ITestRunExecutionGrain>(assignment.RunId).ReportShard(Report());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The shard's end is stored; the run finds it when it next asks its shards.
            logger.LogWarning(ex, "Shard {Shard} of run {RunId} ended but could not tell its run; the run's next check will", assignment.Shard, assignment.RunId);
        }
    }

    /// <summary>Runs the first round and the retry rounds still due, storing each round's attempts before the next starts.</summary>
    private async Task RunRoundsAsync(TestShardAssignment assignment)
    {
        var suite = assignment.Request.Suite;
        var adapter = adapters.Get(suite.Adapter);
        var maxRounds = 1 + assignment.Request.RetriesPerTest;
        var timeout = (suite.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : settings.DefaultTimeout) + AdapterGrace;
        while (State.Rounds < maxRounds && !stopping.IsCancellationRequested && !cancelling.IsCancellationRequested)
        {
            IReadOnlyList<string>? testIds = assignment.TestIds;
            if (State.Rounds > 0)
            {
                testIds = ShardAttemptLog.Failing(State.Tests, assignment.TestIds is not null);
                if (testIds.Count == 0)
                {
                    return;
                }
            }

            var round = State.Rounds + 1;
            var folder = Path.Combine(settings.ArtifactRoot, assignment.RunId, $"shard-{assignment.Shard.ToString(CultureInfo.InvariantCulture)}", $"attempt-{round.ToString(CultureInfo.InvariantCulture)}");
            Directory.CreateDirectory(folder);
            var context = new TestAdapterContext(assignment.RunId, assignment.Shard, round, folder);
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token, cancelling.Token);
            bounded.CancelAfter(timeout);
            IReadOnlyList<TestCaseResult> results;
            try
            {
                // On the thread pool: an adapter blocks on processes and browsers, never on this activation's turn.
                results = await Task.Run(() => adapter.RunAsync(suite, testIds, context, bounded.Token), bounded.Token);
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested && !cancelling.IsCancellationRequested)
            {
                throw new TimeoutException($"the {suite.Adapter} adapter did not finish round {round} within {timeout}");
            }

            if (cancelling.IsCancellationRequested)
            {
                // An adapter that answers a stop with results (a killed command's error) ran a round that was cut short.
                return;
            }

            State.Tests = ShardAttemptLog.Append(State.Tests, results);
            State.Rounds = round;
            await PersistAsync();
        }
    }

    /// <summary>The format an adapter's results are recorded under (the run keeps it with the file name).</summary>
    private static ResultFormat FormatOf(string adapter) => adapter switch
    {
        DotnetTestAdapter.AdapterName => ResultFormat.Trx,
        PlaywrightJsonCommandAdapter.AdapterName or "playwright" => ResultFormat.Playwright,
        _ => ResultFormat.JUnit,
    };

    private void StopKeepingAlive()
    {
        keepAlive?.Dispose();
        keepAlive = null;
    }

    private TestShardReport Report()
    {
        var assignment = State.Assignment!;
        return new TestShardReport(
            assignment.Shard,
            State.Status,
            State.Silo,
            assignment.TestIds,
            0,
            State.Rounds,
            State.Tests.Count,
            State.StartedAt,
            State.FinishedAt,
            State.Error);
    }

    private Task PersistAsync() => writer.WriteAsync();
}
