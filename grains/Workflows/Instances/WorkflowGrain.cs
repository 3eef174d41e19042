using System.Text.Json;
using Maestro.GrainInterfaces.Workflows;
using Maestro.Grains.Hosting;
using Maestro.Runtime;
using Maestro.Runtime.Concurrency;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Maestro.Grains.Workflows;

/// <summary>
/// One workflow instance. A driver loop, running in this activation, starts every step whose dependencies have
/// settled, runs it on the thread pool through <see cref="StepRunner"/>, and persists each outcome (together with
/// the start of the steps it allows) before it starts anything that depends on it. Reentrant so pause, resume, cancel and approvals are answered while steps run; the
/// activation's single thread still serialises every change to the state.
/// <para>
/// Crash recovery: the state says which steps completed and which were in flight. A new activation (any call, or the
/// <see cref="WorkflowRecoveryService"/> scan kicking every running instance) restarts the in-flight steps and goes on;
/// completed steps never run again. A step in flight when its silo died runs again: steps are at-least-once.
/// </para>
/// </summary>
[Reentrant]
public sealed class WorkflowGrain(
    [PersistentState("workflow")] IPersistentState<WorkflowState> state,
    StepRunner runner,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<WorkflowGrain> logger) : Grain, IWorkflowGrain
{
    private readonly Dictionary<string, RunningStep> running = new(StringComparer.Ordinal);
    private readonly SerializedStateWriter<WorkflowState> writer = new(state);
    private readonly CancellationTokenSource stopping = new();
    private WorkflowDefinition? definition;
    private WorkflowGraph? graph;
    private Task? driver;
    private TaskCompletionSource wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration hostStopping;

    private WorkflowState State => state.State;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A silo that stops (or is killed) stops its drivers without recording anything: the steps in flight stay
        // "running" in the stored state, and whichever activation comes next runs them again.
        hostStopping = lifetime.ApplicationStopping.Register(StopDriving);
        if (State.Status != WorkflowStatus.NotStarted)
        {
            (definition, var errors) = WorkflowDefinitionLoader.Load(State.Yaml, State.FileName);
            if (definition is null)
            {
                // Stricter validation in a newer version: the instance stays readable, and stops rather than guess.
                if (State.Status is WorkflowStatus.Running or WorkflowStatus.Paused)
                {
                    State.Status = WorkflowStatus.Failed;
                    State.Error = $"the stored definition no longer validates: {string.Join("; ", errors)}";
                    State.FinishedAt = timeProvider.GetUtcNow();
                    Journal(null, "failed", State.Error);
                    await PersistAsync();
                    await RecordInIndexAsync();
                }

                return;
            }

            graph = new WorkflowGraph(definition.Steps);
        }

        EnsureDriver();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        StopDriving();
        if (driver is not null)
        {
            await driver.WaitAsync(cancellationToken);
        }

        await hostStopping.DisposeAsync();
    }

    public async Task<WorkflowStartResult> Start(WorkflowStartRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (State.Status != WorkflowStatus.NotStarted)
        {
            return State.Yaml == request.Yaml
                ? new WorkflowStartResult(Snapshot(), [])
                : new WorkflowStartResult(null, [new DefinitionError(request.FileName, 1, 1, $"workflow id '{Id}' is already used by another definition")]);
        }

        var (loaded, errors) = WorkflowDefinitionLoader.Load(request.Yaml, request.FileName);
        if (loaded is null)
        {
            return new WorkflowStartResult(null, errors);
        }

        var problems = new List<DefinitionError>();
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in loaded.Inputs)
        {
            if (request.Inputs.TryGetValue(input.Name, out var value))
            {
                inputs[input.Name] = value;
            }
            else if (input.Required)
            {
                problems.Add(new DefinitionError(request.FileName, input.Position.Line, input.Position.Column, $"required input '{input.Name}' has no value"));
            }
            else
            {
                inputs[input.Name] = input.Default ?? string.Empty;
            }
        }

        foreach (var name in request.Inputs.Keys.Where(n => loaded.Inputs.All(i => i.Name != n)))
        {
            problems.Add(new DefinitionError(request.FileName, 1, 1, $"input '{name}' is not declared in 'inputs'"));
        }

        foreach (var name in request.Env.Keys.Where(n => !loaded.Env.ContainsKey(n)))
        {
            problems.Add(new DefinitionError(request.FileName, 1, 1, $"env '{name}' is not declared in 'env', so it cannot be overridden"));
        }

        if (problems.Count > 0)
        {
            return new WorkflowStartResult(null, problems);
        }

        var now = timeProvider.GetUtcNow();
        definition = loaded;
        graph = new WorkflowGraph(loaded.Steps);
        state.State = new WorkflowState
        {
            Yaml = request.Yaml,
            FileName = request.FileName,
            Name = loaded.Name,
            Status = WorkflowStatus.Running,
            StartedAt = now,
            Deadline = loaded.Timeout is { } timeout ? now + timeout : null,
            Inputs = inputs,
            Env = loaded.Env.ToDictionary(kv => kv.Key, kv => request.Env.GetValueOrDefault(kv.Key, kv.Value), StringComparer.Ordinal),
            Steps = loaded.Steps.ToDictionary(s => s.Id, _ => new StepState(), StringComparer.Ordinal),
        };
        Journal(null, "started", $"{loaded.Steps.Count} steps");

        // The index first: if the silo dies between the two writes, the recovery scan finds an id whose grain has no
        // workflow and drops it, rather than a running workflow that nothing will ever resume.
        await RecordInIndexAsync();
        await PersistAsync();
        EnsureDriver();
        return new WorkflowStartResult(Snapshot(), []);
    }

    public async Task<WorkflowSnapshot> Pause()
    {
        Require(State.Status == WorkflowStatus.Running, "pause", "running");
        State.Status = WorkflowStatus.Paused;
        Journal(null, "paused", running.Count > 0 ? $"{running.Count} running steps finish first" : null);
        await PersistAsync();
        await RecordInIndexAsync();
        Wake();
        return Snapshot();
    }

    public async Task<WorkflowSnapshot> Resume()
    {
        Require(State.Status == WorkflowStatus.Paused, "resume", "paused");
        State.Status = WorkflowStatus.Running;
        Journal(null, "resumed", null);
        await PersistAsync();
        await RecordInIndexAsync();
        EnsureDriver();
        Wake();
        return Snapshot();
    }

    public async Task<WorkflowSnapshot> Cancel(string reason)
    {
        Require(State.Status is WorkflowStatus.Running or WorkflowStatus.Paused, "cancel", "running or paused");
        await FinishAsync(WorkflowStatus.Cancelled, string.IsNullOrWhiteSpace(reason) ? "cancelled" : reason);
        Wake();
        return Snapshot();
    }

    public async Task<WorkflowSnapshot> Approve(string stepId, ApprovalDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        Require(State.Status is WorkflowStatus.Running or WorkflowStatus.Paused, "approve a step of", "running or paused");
        if (!State.Steps.TryGetValue(stepId, out var step) || step.Status != StepStatus.WaitingForApproval)
        {
            throw new InvalidOperationException($"Step '{stepId}' of workflow {Id} is not waiting for approval.");
        }

        step.Status = decision.Approved ? StepStatus.Succeeded : StepStatus.Failed;
        step.FinishedAt = timeProvider.GetUtcNow();
        step.Outputs = new Dictionary<string, string>
        {
            ["approved"] = decision.Approved ? "true" : "false",
            ["approver"] = decision.Approver,
            ["comment"] = decision.Comment ?? string.Empty,
        };
        step.Error = decision.Approved ? null : $"rejected by {decision.Approver}: {decision.Comment}";
        Journal(stepId, decision.Approved ? "approved" : "rejected", $"by {decision.Approver}");
        await PersistAsync();
        Wake();
        return Snapshot();
    }

    public Task<WorkflowSnapshot> GetSnapshot() => Task.FromResult(Snapshot());

    public Task<ResultPage<JournalEntry>> GetJournal(int offset, int limit) =>
        Task.FromResult(new ResultPage<JournalEntry>([.. State.Journal.Skip(offset).Take(limit)], State.Journal.Count, offset, limit));

    /// <remarks>
    /// The recovery scan kicks every running instance every few seconds, which also keeps it from being collected as
    /// idle (15 min without calls) while its steps run.
    /// </remarks>
    public async Task Kick()
    {
        if (State.Status != WorkflowStatus.Running)
        {
            // The index lists it as running, but the silo died between this grain's write and the index's (or, for
            // NotStarted, between the index's and this grain's in Start): correct the index, or unlist the id.
            await RecordInIndexAsync();
        }
    }

    private void Require(bool condition, string action, string expected)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Cannot {action} workflow {Id}: it is {State.Status}, not {expected}.");
        }
    }

    private void StopDriving()
    {
        stopping.Cancel();
        Wake();
    }

    private void Wake() => wake.TrySetResult();

    private void EnsureDriver()
    {
        if (State.Status == WorkflowStatus.Running && driver is not { IsCompleted: false } && !stopping.IsCancellationRequested)
        {
            driver = DriveAsync();
        }
    }

    private async Task DriveAsync()
    {
        try
        {
            var collected = false;
            while (!stopping.IsCancellationRequested)
            {
                var signal = wake.Task;
                if (State.Status == WorkflowStatus.Running)
                {
                    if (await AdvanceAsync(collected))
                    {
                        return;
                    }
                }
                else
                {
                    if (collected)
                    {
                        await PersistAsync();
                    }

                    if (running.Count == 0)
                    {
                        return;
                    }
                }

                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                using var deadlineWait = new CancellationTokenSource();
                var waits = running.Values.Select(r => (Task)r.Task).Append(signal).ToList();
                if (State.Deadline is { } deadline && State.Status == WorkflowStatus.Running)
                {
                    var left = deadline - timeProvider.GetUtcNow();
                    waits.Add(Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, timeProvider, deadlineWait.Token));
                }

                await Task.WhenAny(waits);
                await deadlineWait.CancelAsync();
                if (signal.IsCompleted)
                {
                    wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                collected = CollectFinished();
            }
        }
        catch (Exception ex)
        {
            if (stopping.IsCancellationRequested)
            {
                // The silo or the activation is going away; storage may already be gone. The stored state stands.
                logger.LogWarning(ex, "Workflow {WorkflowId} failed while its activation stopped; the next activation continues from the stored state", Id);
                return;
            }

            // Most likely a state write that lost to another activation (InconsistentStateException): this activation's
            // view is stale, so it steps aside and the next activation continues from what was stored.
            logger.LogError(ex, "Workflow {WorkflowId} stopped driving; the next activation continues from the stored state", Id);
            StopDriving();
            DeactivateOnIdle();
        }
    }

    /// <summary>
    /// Settles what can be settled and starts what can start; true when the workflow reached its end. Outcomes just
    /// collected (<paramref name="collected"/>) go into the same write as the starts they allow, which still comes
    /// before any of those steps runs.
    /// </summary>
    private async Task<bool> AdvanceAsync(bool collected)
    {
        var now = timeProvider.GetUtcNow();
        if (State.Deadline is { } deadline && now >= deadline)
        {
            await FinishAsync(WorkflowStatus.Failed, $"the workflow did not finish within its timeout of {definition!.Timeout}");
            return true;
        }

        var toStart = new List<StepDefinition>();
        var changed = collected;
        foreach (var step in definition!.Steps)
        {
            if (State.Steps[step.Id].Status == StepStatus.Running && !running.ContainsKey(step.Id))
            {
                // Stored as running, but nothing runs it here: its silo stopped while it ran.
                Journal(step.Id, "restarted", "it was in flight when the workflow's silo stopped");
                toStart.Add(step);
                changed = true;
            }
        }

        for (var progress = true; progress;)
        {
            progress = false;
            foreach (var id in graph!.TopologicalOrder())
            {
                var step = definition.Steps.First(s => s.Id == id);
                var stepState = State.Steps[id];
                if (stepState.Status != StepStatus.Pending || !graph.DependenciesOf(id).All(IsSettled))
                {
                    continue;
                }

                progress = changed = true;
                if (step.When is { } when && !TryEvaluate(step, when.Value, out var error))
                {
                    if (error is null)
                    {
                        Settle(stepState, StepStatus.Skipped, null);
                        Journal(id, "skipped", $"'when' is false: {when.Value}");
                    }
                    else
                    {
                        Settle(stepState, StepStatus.Failed, error);
                        Journal(id, "failed", error);
                    }

                    continue;
                }

                stepState.StartedAt = now;
                if (step.Kind == StepKind.Approval)
                {
                    stepState.Status = StepStatus.WaitingForApproval;
                    Journal(id, "waiting for approval", ((ApprovalStepSpec)step.Spec).Prompt);
                }
                else
                {
                    stepState.Status = StepStatus.Running;
                    Journal(id, "started", null);
                    toStart.Add(step);
                }
            }
        }

        if (definition.Steps.FirstOrDefault(s => !s.Optional && State.Steps[s.Id].Status is StepStatus.Failed or StepStatus.TimedOut) is { } failed)
        {
            await FinishAsync(WorkflowStatus.Failed, $"step '{failed.Id}' {State.Steps[failed.Id].Status}: {State.Steps[failed.Id].Error}");
            return true;
        }

        if (running.Count == 0 && toStart.Count == 0 && State.Steps.Values.All(s => IsFinal(s.Status)))
        {
            await CompleteAsync();
            return true;
        }

        if (changed)
        {
            // Stored before anything starts: a step never runs unless the record that it started is durable.
            await PersistAsync();
        }

        if (State.Status != WorkflowStatus.Running || stopping.IsCancellationRequested)
        {
            return false;
        }

        foreach (var step in toStart)
        {
            var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            var invocation = new StepInvocation(Id, step, Scope(), null, State.Steps[step.Id].StartedAt ?? now, stopping.Token);
            running[step.Id] = new RunningStep(Task.Run(() => runner.RunAsync(invocation, cancellation.Token)), cancellation);
        }

        return false;
    }

    /// <summary>Records the outcomes of the steps that finished; true when there was one (the caller writes the state).</summary>
    private bool CollectFinished()
    {
        var finished = running.Where(kv => kv.Value.Task.IsCompleted).ToList();
        if (finished.Count == 0 || stopping.IsCancellationRequested)
        {
            return false;
        }

        foreach (var (id, step) in finished)
        {
            running.Remove(id);
            step.Cancellation.Dispose();
            var stepState = State.Steps[id];
            if (step.Task.IsCompletedSuccessfully)
            {
                var outcome = step.Task.Result;
                stepState.Attempts = outcome.Attempts;
                stepState.Outputs = new Dictionary<string, string>(outcome.Outputs, StringComparer.Ordinal);
                Settle(stepState, outcome.Status, outcome.Error);
                var attempts = outcome.Attempts > 1 ? $"after {outcome.Attempts} attempts" : null;
                Journal(id, StatusName(outcome.Status), string.Join("; ", new[] { attempts, outcome.Error }.OfType<string>()) is { Length: > 0 } detail ? detail : null);
            }
            else
            {
                var error = step.Task.Exception?.GetBaseException().Message ?? "the step was cancelled";
                Settle(stepState, StepStatus.Failed, error);
                Journal(id, "failed", error);
            }
        }

        return true;
    }

    private async Task CompleteAsync()
    {
        var scope = Scope();
        foreach (var (name, template) in definition!.Outputs)
        {
            try
            {
                State.Outputs[name] = scope.Render(template.Value);
            }
            catch (ExpressionEvaluationException ex)
            {
                await FinishAsync(WorkflowStatus.Failed, $"output '{name}': {ex.Message}");
                return;
            }
        }

        await FinishAsync(WorkflowStatus.Completed, null);
    }

    /// <summary>Ends the workflow: cancels (and waits for) whatever still runs, records the final status, and tells the index.</summary>
    private async Task FinishAsync(WorkflowStatus status, string? error)
    {
        var inFlight = running.ToList();
        running.Clear();
        foreach (var (_, step) in inFlight)
        {
            await step.Cancellation.CancelAsync();
        }

        foreach (var (id, step) in inFlight)
        {
            try
            {
                await step.Task;
            }
            catch (OperationCanceledException)
            {
                // Cancelled as asked; recorded below.
            }

            step.Cancellation.Dispose();
        }

        var reason = error ?? status.ToString();
        foreach (var (id, stepState) in State.Steps.Where(s => s.Value.Status is StepStatus.Running or StepStatus.WaitingForApproval))
        {
            Settle(stepState, StepStatus.Cancelled, reason);
            Journal(id, "cancelled", reason);
        }

        State.Status = status;
        State.Error = error;
        State.FinishedAt = timeProvider.GetUtcNow();
        Journal(null, StatusName(status), error);
        await PersistAsync();
        await RecordInIndexAsync();
    }

    private bool IsSettled(string id)
    {
        var status = State.Steps[id].Status;
        return status is StepStatus.Succeeded or StepStatus.Skipped
            || (status is StepStatus.Failed or StepStatus.TimedOut or StepStatus.Cancelled && definition!.Steps.First(s => s.Id == id).Optional);
    }

    private static bool IsFinal(StepStatus status) =>
        status is StepStatus.Succeeded or StepStatus.Failed or StepStatus.TimedOut or StepStatus.Skipped or StepStatus.Cancelled;

    private bool TryEvaluate(StepDefinition step, string condition, out string? error)
    {
        error = null;
        try
        {
            return Scope().Evaluate(condition);
        }
        catch (ExpressionEvaluationException ex)
        {
            error = $"'when' of step '{step.Id}' cannot be evaluated: {ex.Message}";
            return false;
        }
    }

    private void Settle(StepState step, StepStatus status, string? error)
    {
        step.Status = status;
        step.Error = error;
        step.FinishedAt = timeProvider.GetUtcNow();
    }

    /// <summary>A copy of the values expressions read; steps run on other threads, so they never see the live state.</summary>
    private ExpressionScope Scope() => new(
        Id,
        State.Name,
        new Dictionary<string, string>(State.Inputs, StringComparer.Ordinal),
        new Dictionary<string, string>(State.Env, StringComparer.Ordinal),
        State.Steps.Where(s => IsFinal(s.Value.Status)).ToDictionary(
            s => s.Key,
            s => (StatusName(s.Value.Status), (IReadOnlyDictionary<string, string>?)new Dictionary<string, string>(s.Value.Outputs, StringComparer.Ordinal)),
            StringComparer.Ordinal));

    /// <summary>The name expressions compare with, e.g. <c>steps.build.status == 'succeeded'</c>.</summary>
    public static string StatusName<T>(T status) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private void Journal(string? stepId, string transition, string? detail)
    {
        State.JournalSequence++;
        State.Journal.Add(new JournalEntry(State.JournalSequence, timeProvider.GetUtcNow(), stepId, transition, detail));
        if (State.Journal.Count > WorkflowState.JournalCapacity)
        {
            State.Journal.RemoveRange(0, State.Journal.Count - WorkflowState.JournalCapacity);
        }
    }

    private Task PersistAsync() => writer.WriteAsync();

    private Task RecordInIndexAsync() =>
        GrainFactory.GetGrain<IWorkflowIndexGrain>(IWorkflowIndexGrain.Key)
            .Record(new WorkflowSummary(Id, State.Name, State.Status, State.StartedAt ?? timeProvider.GetUtcNow(), timeProvider.GetUtcNow()));

    private WorkflowSnapshot Snapshot()
    {
        var now = timeProvider.GetUtcNow();
        var steps = definition?.Steps.Select(s =>
        {
            var st = State.Steps.GetValueOrDefault(s.Id) ?? new StepState();
            return new StepSnapshot(s.Id, StatusName(s.Kind), [.. s.Depends.Select(d => d.StepId)], st.Status, st.Attempts, st.StartedAt, st.FinishedAt, st.Outputs, st.Error);
        }).ToList() ?? [];
        TimeSpan DurationOf(string id)
        {
            var st = State.Steps[id];
            return st.StartedAt is { } started ? (st.FinishedAt ?? now) - started : TimeSpan.Zero;
        }

        var (path, duration) = graph?.CriticalPath(DurationOf) ?? ([], TimeSpan.Zero);
        return new WorkflowSnapshot(Id, State.Name, State.Status, State.StartedAt, State.FinishedAt, steps, State.Outputs, new CriticalPath(path, duration), State.Error);
    }
}
