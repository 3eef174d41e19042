using System.Text.Json;
using Maestro.GrainInterfaces.AutoRepair;
using Maestro.GrainInterfaces.Events;
using Maestro.Grains.AutoRepair.Monitoring;
using Maestro.Grains.Hosting;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Runtime.Concurrency;
using Maestro.Runtime.Streams;
using Microsoft.Extensions.Hosting;

namespace Maestro.Grains.AutoRepair;

/// <summary>
/// Continuous auto-repair for one project. A timer starts the monitors that are due; each finding goes out on the
/// project's errors stream, and comes back through the monitoring worker as <see cref="ReportFailure"/>, where it is
/// fingerprinted and queued once per cool-down. Repairs are planned concurrently (up to the configured limit); applying,
/// validating and committing take the working tree one repair (or monitor run) at a time, because they all read it.
/// <para>
/// Crash safety: every transition is persisted before the next step starts, and a fix's originals are persisted
/// before it is written. A new activation (any call, or the keep-alive reminder) puts back the files of a repair that
/// was applying or validating and applies it again, and finds the commit of a repair that was committing by its
/// trailer before committing, so no repair is lost and none is committed twice.
/// </para>
/// </summary>
[Reentrant]
public sealed class ProjectAutomationGrain(
    [PersistentState("automation")] IPersistentState<ProjectAutomationState> state,
    MonitorRunner monitorRunner,
    ProjectFiles files,
    GitWorkingCopy git,
    IEnumerable<IRepairPlanner> planners,
    IOptions<AutoRepairOptions> options,
    IOptions<TestExecutionOptions> execution,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<ProjectAutomationGrain> logger) : Grain, IProjectAutomationGrain, IRemindable
{
    private const string KeepAliveReminder = "automation-keep-alive";

    private readonly SerializedStateWriter<ProjectAutomationState> writer = new(state);
    private readonly SemaphoreSlim workingTree = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly Dictionary<string, Task> runningMonitors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> activeRepairs = new(StringComparer.Ordinal);
    private IGrainTimer? tick;
    private CancellationTokenRegistration hostStopping;

    private ProjectAutomationState State => state.State;

    private string ProjectId => this.GetPrimaryKeyString();

    private string LogFolder => Path.Combine(execution.Value.ArtifactRoot, "automation", ProjectId);

    private AutomationProjectConfig Config => State.Config ?? throw new InvalidOperationException($"Project '{ProjectId}' is not watched: start it first.");

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        hostStopping = lifetime.ApplicationStopping.Register(stopping.Cancel);
        if (State.IsRunning)
        {
            StartTicking();
        }

        Resume();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Work in flight stays in flight in the stored state; the next activation resumes it.
        await stopping.CancelAsync();
        tick?.Dispose();
        await hostStopping.DisposeAsync();
    }

    public async Task<AutomationStatus> Start(AutomationProjectConfig config)
    {
        var errors = AutomationConfigValidator.Validate(config, execution.Value.WorkspaceRoot, options.Value);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")), nameof(config));
        }

        var projectPath = WorkspacePathGuard.ResolveWorkingDirectory(execution.Value.WorkspaceRoot, config.ProjectPath);
        if (config.AutoCommit && !await git.IsRepositoryAsync(projectPath, LogFolder, stopping.Token))
        {
            throw new ArgumentException($"autoCommit: '{config.ProjectPath}' is not inside a git working tree", nameof(config));
        }

        State.Config = config;
        State.ProjectPath = projectPath;
        State.IsRunning = true;
        State.Monitors = config.Monitors.ToDictionary(
            m => m.Name,
            m => State.Monitors.GetValueOrDefault(m.Name) ?? new MonitorProgress(),
            StringComparer.Ordinal);
        await PersistAsync();
        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await GrainFactory.GetGrain<IAutomationIndexGrain>(IAutomationIndexGrain.Key).Record(ProjectId, true);
        await PublishStatusAsync("started");
        StartTicking();
        return Status();
    }

    public async Task<AutomationStatus> Stop()
    {
        if (State.Config is null)
        {
            throw new InvalidOperationException($"Project '{ProjectId}' is not watched: there is nothing to stop.");
        }

        State.IsRunning = false;
        await PersistAsync();
        tick?.Dispose();
        tick = null;
        await GrainFactory.GetGrain<IAutomationIndexGrain>(IAutomationIndexGrain.Key).Record(ProjectId, false);
        await PublishStatusAsync("stopped");
        await ForgetReminderWhenIdleAsync();
        return Status();
    }

    public Task<AutomationStatus> GetStatus() => Task.FromResult(Status());

    public Task<IReadOnlyList<RepairRecord>> GetHistory(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Task.FromResult<IReadOnlyList<RepairRecord>>(State.Repairs.AsEnumerable().Reverse().Take(limit).Select(r => r.Record).ToList());
    }

    public async Task<AutomationStatus> RunMonitorsNow()
    {
        await Task.WhenAll(Config.Monitors.Select(async monitor =>
        {
            // A round in flight began before this call and may have missed what the caller just changed: run another after it.
            if (runningMonitors.TryGetValue(monitor.Name, out var inFlight))
            {
                await inFlight;
            }

            await RunMonitorAsync(monitor);
        }));
        return Status();
    }

    public async Task<RepairRecord?> ReportFailure(string monitor, MonitorFinding finding)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(monitor);
        ArgumentNullException.ThrowIfNull(finding);
        var config = Config;
        var now = time.GetUtcNow();
        var fingerprint = FailureFingerprint.Of(finding, State.ProjectPath!);
        State.Counters.ErrorsDetected++;
        var inFlight = State.Repairs.Any(r => r.Record.Fingerprint == fingerprint && !IsFinal(r.Record.Status));
        if (inFlight || !new RepairCooldown(TimeSpan.FromMinutes(config.CoolDownMinutes), State.CoolDown).TryAdmit(fingerprint, now))
        {
            State.Counters.Deduplicated++;
            await PersistAsync();
            return null;
        }

        var record = new RepairRecord($"r-{State.NextRepairNumber++:D6}", fingerprint, monitor, finding, RepairStatus.Queued, null, null, null, null, now, now);
        State.Repairs.Add(new RepairWork { Record = record });
        TrimHistory();
        await PersistAsync();
        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        Pump();
        return record;
    }

    public async Task<RepairRecord> Approve(string repairId, string actor)
    {
        var work = AwaitingApproval(repairId);

        // A stopped project forgets its keep-alive reminder while its fixes wait for approval; without it, a silo that
        // dies while an approved fix is applied, validated or committed would leave that repair until the next call.
        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await TransitionAsync(work, RepairStatus.Applying, $"approved by {actor}");
        Pump(work.Record.Id);
        return work.Record;
    }

    public async Task<RepairRecord> Reject(string repairId, string actor)
    {
        var work = AwaitingApproval(repairId);
        await FinishAsync(work, RepairStatus.Rejected, $"rejected by {actor}");
        return work.Record;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Activation already resumed everything; the reminder exists to bring the grain back after a restart.
        if (State.IsRunning && tick is null)
        {
            StartTicking();
        }

        return Task.CompletedTask;
    }

    private void StartTicking() =>
        tick ??= this.RegisterGrainTimer(_ => StartDueMonitors(), options.Value.TickInterval, options.Value.TickInterval);

    private Task StartDueMonitors()
    {
        if (!State.IsRunning || State.Config is not { } config)
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        foreach (var monitor in config.Monitors)
        {
            var progress = State.Monitors[monitor.Name];
            if (!runningMonitors.ContainsKey(monitor.Name) && (progress.LastRunAt is not { } last || now - last >= TimeSpan.FromSeconds(monitor.IntervalSeconds)))
            {
                _ = RunMonitorAsync(monitor);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The monitor's round in flight, or a new one.</summary>
    private Task RunMonitorAsync(MonitorDefinition monitor)
    {
        if (!runningMonitors.TryGetValue(monitor.Name, out var round))
        {
            round = RunRoundAsync(monitor);
            runningMonitors[monitor.Name] = round;
        }

        return round;
    }

    private async Task RunRoundAsync(MonitorDefinition monitor)
    {
        // Registered as running before its first line runs, so its finally never removes it before it was added.
        await Task.Yield();
        try
        {
            MonitorRunOutcome outcome;
            await workingTree.WaitAsync(stopping.Token);
            try
            {
                var projectPath = State.ProjectPath!;
                outcome = await Task.Run(() => monitorRunner.RunAsync(ProjectId, projectPath, monitor, monitor.Command, null, LogFolder, stopping.Token));
            }
            finally
            {
                workingTree.Release();
            }

            var progress = State.Monitors[monitor.Name];
            progress.Runs++;
            progress.LastRunAt = time.GetUtcNow();
            progress.LastError = outcome.Error;
            progress.LastFindings = outcome.Findings.Count;
            if (outcome.Error is null)
            {
                progress.LastFingerprints = outcome.Findings.Select(f => FailureFingerprint.Of(f, State.ProjectPath!)).Distinct().ToList();
            }

            await PersistAsync();

            // Through the stream, not straight into the queue: the monitoring worker reports each one back, so a
            // finding is delivered at least once or lands in the dead letters with the reason.
            var errors = ProjectStream<ErrorReportedEvent>(MaestroStreams.Errors);
            foreach (var finding in outcome.Findings)
            {
                await errors.OnNextAsync(ErrorReportedEvent.For(monitor.Name, finding, time.GetUtcNow()));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The silo is stopping: the monitor runs again after the next activation.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Monitor {Monitor} of project {Project} failed", monitor.Name, ProjectId);
            State.Monitors[monitor.Name].LastError = ex.Message;
            State.Monitors[monitor.Name].LastRunAt = time.GetUtcNow();
            await PersistAsync();
        }
        finally
        {
            runningMonitors.Remove(monitor.Name);
        }
    }

    /// <summary>Restarts the repairs that were in flight when the last activation ended, then fills free slots from the queue.</summary>
    private void Resume()
    {
        foreach (var work in State.Repairs.Where(r => r.Record.Status is RepairStatus.Planning or RepairStatus.Applying or RepairStatus.Validating or RepairStatus.Committing))
        {
            Pump(work.Record.Id);
        }

        Pump();
    }

    /// <summary>Starts the given repair, or queued ones while there is room.</summary>
    private void Pump(string? repairId = null)
    {
        if (stopping.IsCancellationRequested || State.Config is not { } config)
        {
            return;
        }

        if (repairId is not null)
        {
            if (!activeRepairs.ContainsKey(repairId))
            {
                activeRepairs[repairId] = DriveAsync(repairId);
            }

            return;
        }

        foreach (var work in State.Repairs.Where(r => r.Record.Status == RepairStatus.Queued).ToList())
        {
            if (activeRepairs.Count >= config.MaxConcurrentRepairs)
            {
                return;
            }

            if (!activeRepairs.ContainsKey(work.Record.Id))
            {
                activeRepairs[work.Record.Id] = DriveAsync(work.Record.Id);
            }
        }
    }

    private async Task DriveAsync(string repairId)
    {
        // Let Pump finish its loop before this repair changes the state it iterates.
        await Task.Yield();
        var work = State.Repairs.First(r => r.Record.Id == repairId);
        try
        {
            while (!IsFinal(work.Record.Status) && work.Record.Status != RepairStatus.AwaitingApproval)
            {
                stopping.Token.ThrowIfCancellationRequested();
                switch (work.Record.Status)
                {
                    case RepairStatus.Queued or RepairStatus.Planning:
                        await PlanAsync(work);
                        break;
                    case RepairStatus.Applying or RepairStatus.Validating:
                        await ApplyAndValidateAsync(work);
                        break;
                    case RepairStatus.Committing:
                        await CommitAsync(work);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stored as in flight; the next activation goes on from there.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Repair {Repair} of project {Project} failed", repairId, ProjectId);
            await FailAsync(work, ex.Message);
        }
        finally
        {
            activeRepairs.Remove(repairId);
            if (!stopping.IsCancellationRequested)
            {
                Pump();
                await ForgetReminderWhenIdleAsync();
            }
        }
    }

    private async Task PlanAsync(RepairWork work)
    {
        var config = Config;
        if (work.Record.Status == RepairStatus.Queued)
        {
            State.Counters.RepairsAttempted++;
        }

        await TransitionAsync(work, RepairStatus.Planning, null);
        var context = new RepairPlanningContext(ProjectId, State.ProjectPath!, work.Record.Id, MonitorOf(work.Record), work.Record.Finding);
        var token = stopping.Token;
        var proposals = await Task.Run(() => Task.WhenAll(planners.Select(p => p.PlanAsync(context, token))));
        var fix = proposals.OfType<ProposedFix>().MaxBy(p => p.Confidence);
        work.Record = work.Record with { Fix = fix };
        if (fix is null)
        {
            await FinishAsync(work, RepairStatus.NoFix, "no repair strategy proposed a fix for this failure");
        }
        else if (fix.Confidence < config.ConfidenceThreshold)
        {
            await FinishAsync(work, RepairStatus.NoFix, $"the best fix ({fix.Strategy}) scored {fix.Confidence:0.00}, below the threshold of {config.ConfidenceThreshold:0.00}");
        }
        else if (config.RequireApproval || !config.AutoFix)
        {
            await TransitionAsync(work, RepairStatus.AwaitingApproval, config.RequireApproval ? "the project requires approval" : "auto-fix is off: the fix is proposed only");
        }
        else
        {
            await TransitionAsync(work, RepairStatus.Applying, null);
        }
    }

    private async Task ApplyAndValidateAsync(RepairWork work)
    {
        var fix = work.Record.Fix ?? throw new InvalidOperationException($"repair {work.Record.Id} has no fix to apply");
        var projectPath = State.ProjectPath!;
        await workingTree.WaitAsync(stopping.Token);
        try
        {
            if (work.Originals is { } earlier)
            {
                // A crash interrupted this repair after it wrote files: start again from the originals.
                files.Restore(projectPath, earlier);
            }
            else
            {
                work.Originals = files.ReadOriginals(projectPath, fix.Changes);
            }

            await TransitionAsync(work, RepairStatus.Applying, null);
            files.Apply(projectPath, fix.Changes);
            var changed = fix.Changes.Select(c => c.Path).ToList();
            var patch = await git.IsRepositoryAsync(projectPath, LogFolder, stopping.Token)
                ? await git.DiffAsync(projectPath, changed, LogFolder, stopping.Token)
                : null;
            work.Record = work.Record with { Patch = patch };
            await TransitionAsync(work, RepairStatus.Validating, null);

            var failure = await ValidateAsync(work.Record);
            await ProjectStream<ValidationCompletedEvent>(MaestroStreams.Validation).OnNextAsync(
                new ValidationCompletedEvent(work.Record.Id, failure is null, failure ?? "the failure is gone and nothing else broke", time.GetUtcNow()));
            if (failure is not null)
            {
                files.Restore(projectPath, work.Originals);
                work.Originals = null;
                await FinishAsync(work, RepairStatus.RolledBack, $"validation failed, the files were put back: {failure}");
                return;
            }

            if (Config.AutoCommit)
            {
                // The originals stay until the commit is recorded: a crash before it can still be undone or redone.
                await TransitionAsync(work, RepairStatus.Committing, null);
                return;
            }

            work.Originals = null;
            await FinishAsync(work, RepairStatus.Applied, "validated; not committed (auto-commit is off)");
        }
        finally
        {
            workingTree.Release();
        }
    }

    /// <summary>Null when the re-run shows the failure gone and nothing new broken; else what is wrong.</summary>
    private async Task<string?> ValidateAsync(RepairRecord repair)
    {
        var monitor = MonitorOf(repair) ?? Config.Monitors.FirstOrDefault(m => m.Kind == repair.Finding.Kind);
        if (monitor is null)
        {
            return $"no monitor of kind {repair.Finding.Kind} can re-run this failure";
        }

        // Only the failed test when the monitor can: a journeys monitor by the journey's name, a command monitor through its re-run command.
        IReadOnlyList<string>? rerun = monitor.Output == MonitorOutput.Journeys ? monitor.Command
            : monitor.RerunCommand is not null && repair.Finding.Kind == FindingKind.TestFailure
                ? [.. monitor.RerunCommand.Select(a => a.Replace(AutomationConfigValidator.TestPlaceholder, repair.Finding.Code, StringComparison.Ordinal))]
                : null;
        var rerunOne = rerun is not null;
        var command = rerun ?? monitor.Command;
        var onlyTest = rerunOne ? repair.Finding.Code : null;
        var projectPath = State.ProjectPath!;
        var outcome = await Task.Run(() => monitorRunner.RunAsync(ProjectId, projectPath, monitor, command, onlyTest, LogFolder, stopping.Token));
        if (outcome.Error is not null)
        {
            return $"the re-run produced no results: {outcome.Error}";
        }

        var found = outcome.Findings.ToDictionary(f => FailureFingerprint.Of(f, projectPath), f => f, StringComparer.Ordinal);
        // The same test failing with another message still fails; it is not something the fix broke.
        var again = found.GetValueOrDefault(repair.Fingerprint) ?? found.Values.FirstOrDefault(f => f.Kind == repair.Finding.Kind && f.Code == repair.Finding.Code && f.File == repair.Finding.File);
        if (again is not null)
        {
            return $"'{repair.Finding.Code}' still fails: {Shorten(again.Message)}";
        }

        var known = State.Monitors.GetValueOrDefault(monitor.Name)?.LastFingerprints ?? [];
        var broken = rerunOne ? found.Values.ToList() : found.Where(f => !known.Contains(f.Key)).Select(f => f.Value).ToList();
        return broken.Count == 0
            ? null
            : $"the fix breaks {string.Join(", ", broken.Take(5).Select(f => $"'{f.Code}'"))}{(broken.Count > 5 ? $" and {broken.Count - 5} more" : string.Empty)}";
    }

    private async Task CommitAsync(RepairWork work)
    {
        var fix = work.Record.Fix!;
        var projectPath = State.ProjectPath!;
        var trailer = GitWorkingCopy.Trailer(ProjectId, work.Record.Id);
        await workingTree.WaitAsync(stopping.Token);
        try
        {
            // Committed before a crash, and the crash came before the hash was stored: that commit is the one.
            var hash = await git.FindCommitAsync(projectPath, trailer, LogFolder, stopping.Token);
            if (hash is null)
            {
                if (work.Originals is null)
                {
                    throw new InvalidOperationException("the fix's originals are gone; it cannot be committed safely");
                }

                var finding = work.Record.Finding;
                var message = $"""
                    Maestro auto-repair: {finding.Kind} {finding.Code} in {finding.File ?? "the project"}

                    {fix.Explanation}
                    Strategy: {fix.Strategy}; confidence {fix.Confidence:0.00}; validated by re-running it.

                    {trailer}
                    """;
                hash = await git.CommitAsync(projectPath, fix.Changes.Select(c => c.Path).ToList(), message, LogFolder, stopping.Token);
            }

            work.Originals = null;
            work.Record = work.Record with { CommitHash = hash };
            await FinishAsync(work, RepairStatus.Committed, $"validated and committed as {hash[..12]}");
        }
        finally
        {
            workingTree.Release();
        }
    }

    private async Task FailAsync(RepairWork work, string reason)
    {
        if (work.Originals is { } originals)
        {
            try
            {
                files.Restore(State.ProjectPath!, originals);
                work.Originals = null;
                reason += "; the files were put back";
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                reason += $"; putting the files back failed too ({ex.Message}), their originals are kept in the repair";
            }
        }

        await FinishAsync(work, RepairStatus.Failed, reason);
    }

    private async Task FinishAsync(RepairWork work, RepairStatus status, string reason)
    {
        State.Counters.CountFinal(status);
        await TransitionAsync(work, status, reason);
        var result = JsonSerializer.Serialize(work.Record);
        await ProjectStream<ResultEvent>(MaestroStreams.Results).OnNextAsync(
            new ResultEvent(ResultEventTypes.RepairResult, ProjectId, status.ToString(), result, time.GetUtcNow()));
    }

    private async Task TransitionAsync(RepairWork work, RepairStatus status, string? reason)
    {
        work.Record = work.Record with { Status = status, Reason = reason ?? work.Record.Reason, UpdatedAt = time.GetUtcNow() };
        await PersistAsync();
    }

    private RepairWork AwaitingApproval(string repairId)
    {
        var work = State.Repairs.FirstOrDefault(r => r.Record.Id == repairId)
            ?? throw new KeyNotFoundException($"Project '{ProjectId}' has no repair '{repairId}'.");
        return work.Record.Status == RepairStatus.AwaitingApproval
            ? work
            : throw new InvalidOperationException($"Repair '{repairId}' of project '{ProjectId}' is {work.Record.Status}, not AwaitingApproval.");
    }

    private MonitorDefinition? MonitorOf(RepairRecord repair) => State.Config?.Monitors.FirstOrDefault(m => m.Name == repair.Monitor);

    private void TrimHistory()
    {
        var excess = State.Repairs.Count - options.Value.MaxHistory;
        if (excess > 0)
        {
            State.Repairs.RemoveAll(r => IsFinal(r.Record.Status) && excess-- > 0);
        }
    }

    private async Task ForgetReminderWhenIdleAsync()
    {
        if (!State.IsRunning && activeRepairs.Count == 0 && State.Repairs.All(r => IsFinal(r.Record.Status) || r.Record.Status == RepairStatus.AwaitingApproval)
            && await this.GetReminder(KeepAliveReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private AutomationStatus Status() => new(
        ProjectId,
        State.IsRunning,
        State.Config,
        State.Config?.Monitors.Select(m => State.Monitors.GetValueOrDefault(m.Name) is { } p
            ? new MonitorStatus(m.Name, p.Runs, p.LastRunAt, p.LastFindings, p.LastError)
            : new MonitorStatus(m.Name, 0, null, 0, null)).ToList() ?? [],
        State.Repairs.Count(r => r.Record.Status == RepairStatus.Queued),
        State.Repairs.Count(r => r.Record.Status is RepairStatus.Planning or RepairStatus.Applying or RepairStatus.Validating or RepairStatus.Committing),
        State.Counters.ToStatistics());

    private Task PublishStatusAsync(string status) =>
        ProjectStream<ResultEvent>(MaestroStreams.Results).OnNextAsync(new ResultEvent(ResultEventTypes.StatusUpdate, ProjectId, status, null, time.GetUtcNow()));

    private IAsyncStream<T> ProjectStream<T>(string streamNamespace) =>
        this.GetStreamProvider(MaestroStreams.ProviderName).GetStream<T>(StreamId.Create(streamNamespace, ProjectId));

    private Task PersistAsync() => writer.WriteAsync();

    private static bool IsFinal(RepairStatus status) =>
        status is RepairStatus.Applied or RepairStatus.Committed or RepairStatus.RolledBack or RepairStatus.NoFix or RepairStatus.Rejected or RepairStatus.Failed;

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
