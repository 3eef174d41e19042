using Maestro.Runtime.Cluster;
using Maestro.Runtime.Metadata;
using Maestro.Runtime.Timers;

namespace Maestro.Runtime.Activation;

/// <summary>
/// One activation of a grain: its instance, its turn scheduler and its request gate. The gate admits one request at
/// a time (awaits included) unless the class is reentrant, the method interleaves, both are read-only, or the request
/// belongs to a call chain allowed to re-enter. Everything the gate decides happens under <see cref="gate"/>.
/// </summary>
internal sealed class ActivationData : IGrainContext, IReentrancyTracker
{
    private readonly object gate = new();
    private readonly Queue<ActivationWorkItem> waiting = new();
    private readonly List<ActivationWorkItem> running = new(1);
    private readonly TaskCompletionSource deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly GrainRuntime runtime;
    private readonly List<IActivationTimer> timers = [];
    private Dictionary<Guid, int>? reentrantSections;
    private ActivationState state;
    private DeactivationReason? pendingDeactivation;
    private long lastActivity = Environment.TickCount64;
    private long keepAliveUntil;
    private object? instance;
    private IAddressable? reference;

    public ActivationData(GrainId grainId, GrainClassMetadata metadata, GrainRuntime runtime, StatelessWorkerPool? pool = null, object? presetInstance = null)
    {
        GrainId = grainId;
        Metadata = metadata;
        this.runtime = runtime;
        Pool = pool;
        Scheduler = new ActivationTaskScheduler(this);
        if (presetInstance is not null)
        {
            instance = presetInstance;
            state = ActivationState.Valid;
        }
    }

    public GrainId GrainId { get; }

    public Guid ActivationId { get; } = Guid.NewGuid();

    public GrainClassMetadata Metadata { get; }

    public StatelessWorkerPool? Pool { get; }

    public ActivationTaskScheduler Scheduler { get; }

    public object? GrainInstance => instance;

    public IAddressable GrainReference => reference ??= runtime.References.CreateForClass(Metadata.ClassType, GrainId);

    public IServiceProvider ActivationServices => runtime.Services;

    public GrainRuntime Runtime => runtime;

    /// <summary>Completes when this activation has left the catalog.</summary>
    public Task Deactivated => deactivated.Task;

    /// <summary>Requests running plus requests waiting: how busy this activation is.</summary>
    public int Load
    {
        get
        {
            lock (gate)
            {
                return running.Count + waiting.Count;
            }
        }
    }

    public override string ToString() => $"{GrainId}@{ActivationId:N}";

    /// <summary>Hands work to this activation. False means it has already left the catalog: send the work to a new one.</summary>
    public bool Enqueue(ActivationWorkItem item)
    {
        var activate = false;
        var run = false;
        lock (gate)
        {
            switch (state)
            {
                case ActivationState.Invalid:
                    return false;
                case ActivationState.Created:
                    state = ActivationState.Activating;
                    activate = true;
                    waiting.Enqueue(item);
                    break;
                case ActivationState.Valid when pendingDeactivation is null && (running.Count == 0 ? waiting.Count == 0 : CanInterleave(item)):
                    running.Add(item);
                    run = true;
                    break;
                default:
                    waiting.Enqueue(item);
                    break;
            }

            if (item.CountsAsActivity)
            {
                lastActivity = Environment.TickCount64;
            }
        }

        if (activate)
        {
            StartOnScheduler(static a => a.ActivateAsync(), this);
        }
        else if (run)
        {
            Start(item);
        }

        return true;
    }

    public void Deactivate(DeactivationReason reason, CancellationToken cancellationToken = default)
    {
        bool begin;
        lock (gate)
        {
            if (pendingDeactivation is not null || state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                return;
            }

            pendingDeactivation = reason;
            if (state == ActivationState.Created)
            {
                // Never received work, so there is nothing to run: leave at once rather than wait for an activation that will not start.
                state = ActivationState.Invalid;
                begin = false;
            }
            else
            {
                begin = TryBeginDeactivation();
            }
        }

        if (begin)
        {
            StartOnScheduler(static a => a.DeactivateAsync(), this);
        }
        else if (state == ActivationState.Invalid)
        {
            runtime.Catalog.OnActivationRemoved(this);
            deactivated.TrySetResult();
        }
    }

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        var until = timeSpan == TimeSpan.Zero ? 0
            : timeSpan == Timeout.InfiniteTimeSpan || timeSpan >= TimeSpan.FromDays(10000) ? long.MaxValue
            : Environment.TickCount64 + (long)timeSpan.TotalMilliseconds;
        Volatile.Write(ref keepAliveUntil, until);
    }

    /// <summary>True when nothing is running or waiting and the last incoming work is older than <paramref name="age"/>.</summary>
    public bool IsIdleFor(TimeSpan age, long now)
    {
        if (age == Timeout.InfiniteTimeSpan || Volatile.Read(ref keepAliveUntil) > now)
        {
            return false;
        }

        lock (gate)
        {
            return state == ActivationState.Valid && pendingDeactivation is null && running.Count == 0 && waiting.Count == 0
                && now - lastActivity >= (long)age.TotalMilliseconds;
        }
    }

    public void AddTimer(IActivationTimer timer)
    {
        lock (gate)
        {
            if (state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                throw new InvalidOperationException($"Activation {this} is deactivating; it cannot register timers.");
            }

            timers.Add(timer);
        }
    }

    public void RemoveTimer(IActivationTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }

    void IReentrancyTracker.EnterReentrantSection(Guid reentrancyId)
    {
        lock (gate)
        {
            reentrantSections ??= [];
            reentrantSections[reentrancyId] = reentrantSections.GetValueOrDefault(reentrancyId) + 1;
        }
    }

    void IReentrancyTracker.ExitReentrantSection(Guid reentrancyId)
    {
        lock (gate)
        {
            if (reentrantSections is not null && reentrantSections.TryGetValue(reentrancyId, out var count))
            {
                if (count <= 1)
                {
                    reentrantSections.Remove(reentrancyId);
                }
                else
                {
                    reentrantSections[reentrancyId] = count - 1;
                }
            }
        }
    }

    private bool CanInterleave(ActivationWorkItem item)
    {
        if (Metadata.IsReentrant || item.AlwaysInterleave)
        {
            return true;
        }

        if (item.IsReadOnly && running.TrueForAll(static r => r.IsReadOnly))
        {
            return true;
        }

        var chain = item.ReentrancyId;
        return chain != Guid.Empty
            && (reentrantSections?.ContainsKey(chain) == true || running.Exists(r => r.ReentrancyId == chain));
    }

    private void Start(ActivationWorkItem item) => StartOnScheduler(static s => s.Activation.RunAsync(s.Item), (Activation: this, Item: item));

    /// <summary>Runs <paramref name="work"/> as a turn of this activation, without the caller's execution context.</summary>
    private void StartOnScheduler<TState>(Func<TState, Task> work, TState state)
    {
        var suppress = !ExecutionContext.IsFlowSuppressed();
        var flow = suppress ? ExecutionContext.SuppressFlow() : default;
        try
        {
            _ = Task.Factory.StartNew(s => work((TState)s!), state, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Scheduler);
        }
        finally
        {
            if (suppress)
            {
                flow.Undo();
            }
        }
    }

    private async Task RunAsync(ActivationWorkItem item)
    {
        try
        {
            await item.ExecuteAsync(this);
        }
        catch (Exception ex)
        {
            runtime.Logger.LogError(ex, "Work item on {Activation} failed outside the call's own error handling.", this);
        }
        finally
        {
            OnCompleted(item);
        }
    }

    private void OnCompleted(ActivationWorkItem item)
    {
        List<ActivationWorkItem>? next = null;
        bool deactivate;
        lock (gate)
        {
            running.Remove(item);
            if (item.CountsAsActivity)
            {
                lastActivity = Environment.TickCount64;
            }

            deactivate = TryBeginDeactivation();
            if (!deactivate && state == ActivationState.Valid && pendingDeactivation is null)
            {
                next = AdmitWaiting();
            }
        }

        if (deactivate)
        {
            StartOnScheduler(static a => a.DeactivateAsync(), this);
        }

        next?.ForEach(Start);
    }

    /// <summary>Moves waiting work the gate now admits into <see cref="running"/>, in arrival order. Call under the lock.</summary>
    private List<ActivationWorkItem>? AdmitWaiting()
    {
        List<ActivationWorkItem>? admitted = null;
        while (waiting.TryPeek(out var head))
        {
            if (head.IsAbandoned)
            {
                waiting.Dequeue();
                continue;
            }

            if (running.Count > 0 && !CanInterleave(head))
            {
                break;
            }

            waiting.Dequeue();
            running.Add(head);
            (admitted ??= []).Add(head);
        }

        return admitted;
    }

    /// <summary>Starts a requested deactivation once nothing is running. Call under the lock.</summary>
    private bool TryBeginDeactivation()
    {
        if (pendingDeactivation is null || running.Count > 0 || state != ActivationState.Valid)
        {
            return false;
        }

        state = ActivationState.Deactivating;
        return true;
    }

    private async Task ActivateAsync()
    {
        var options = runtime.CollectionOptions;
        try
        {
            using var timeout = new CancellationTokenSource(options.ActivationTimeout);
            if (await RegisterAsync(timeout.Token) is { } winner)
            {
                LoseRegistration(winner);
                return;
            }

            await ActivateCoreAsync(timeout.Token).WaitAsync(options.ActivationTimeout);
        }
        catch (Exception ex)
        {
            var error = ex is TimeoutException
                ? new TimeoutException($"Activation of {GrainId} did not complete within {options.ActivationTimeout}.", ex)
                : ex;
            runtime.Logger.LogWarning(ex, "Activation of {Activation} failed.", this);
            await FailActivationAsync(error);
            return;
        }

        List<ActivationWorkItem>? next;
        bool deactivate;
        lock (gate)
        {
            state = ActivationState.Valid;
            deactivate = TryBeginDeactivation();
            next = deactivate ? null : AdmitWaiting();
        }

        if (deactivate)
        {
            await DeactivateAsync();
            return;
        }

        next?.ForEach(Start);
    }

    /// <summary>
    /// In a cluster, claims the grain in the directory before the grain object exists, so a loser never loads state or
    /// runs OnActivateAsync (the Orleans order). Stateless workers and observers are never registered.
    /// </summary>
    private Task<GrainAddress?> RegisterAsync(CancellationToken cancellationToken) =>
        IsRegistered && runtime.Registrar is { } registrar ? registrar.RegisterAsync(this, cancellationToken) : Task.FromResult<GrainAddress?>(null);

    private bool IsRegistered => Pool is null && GrainId.Type != ObserverRegistry.ObserverType;

    /// <summary>Another activation won the directory: leave without running anything and send the queued work there.</summary>
    private void LoseRegistration(GrainAddress winner)
    {
        List<ActivationWorkItem> queued;
        lock (gate)
        {
            state = ActivationState.Invalid;
            pendingDeactivation ??= new DeactivationReason(DeactivationReasonCode.DuplicateActivation, $"{winner.GrainId} is active on {winner.SiloAddress}.");
            queued = [.. waiting];
            waiting.Clear();
        }

        runtime.Catalog.OnActivationRemoved(this);
        deactivated.TrySetResult();
        runtime.Logger.LogDebug("Activation {Activation} lost the directory to {Winner} on {Silo}.", this, winner.ActivationId, winner.SiloAddress);
        foreach (var item in queued)
        {
            runtime.Registrar!.Forward(item, winner);
        }
    }

    /// <summary>Gives up this activation's directory entry; failures are logged by the registrar, the grain is gone either way.</summary>
    private Task UnregisterAsync() =>
        IsRegistered && runtime.Registrar is { } registrar ? registrar.UnregisterAsync(this) : Task.CompletedTask;

    private async Task ActivateCoreAsync(CancellationToken cancellationToken)
    {
        var created = runtime.Activator.Create(this);
        instance = created.Instance;
        foreach (var state in created.States)
        {
            await state.ReadStateAsync(cancellationToken);
        }

        if (instance is IGrainBase grain)
        {
            await grain.OnActivateAsync(cancellationToken);
        }
    }

    private async Task FailActivationAsync(Exception error)
    {
        List<ActivationWorkItem> failed;
        lock (gate)
        {
            state = ActivationState.Invalid;
            failed = [.. waiting];
            waiting.Clear();
        }

        DisposeTimers();
        await UnregisterAsync();
        runtime.Catalog.OnActivationRemoved(this);
        deactivated.TrySetResult();
        foreach (var item in failed)
        {
            item.Fail(error);
        }
    }

    private async Task DeactivateAsync()
    {
        var reason = pendingDeactivation ?? new DeactivationReason(DeactivationReasonCode.RuntimeRequested, "Deactivation requested.");
        DisposeTimers();
        if (instance is IGrainBase grain)
        {
            var timeout = runtime.CollectionOptions.DeactivationTimeout;
            try
            {
                using var cts = new CancellationTokenSource(timeout);
                await grain.OnDeactivateAsync(reason, cts.Token).WaitAsync(timeout);
            }
            catch (Exception ex)
            {
                runtime.Logger.LogWarning(ex, "OnDeactivateAsync of {Activation} failed ({Reason}).", this, reason);
            }
        }

        List<ActivationWorkItem> leftovers;
        lock (gate)
        {
            state = ActivationState.Invalid;
            leftovers = [.. waiting];
            waiting.Clear();
        }

        // Unregistered before leaving the catalog: a new activation here must not find this one's entry and lose to it.
        await UnregisterAsync();
        runtime.Catalog.OnActivationRemoved(this);
        deactivated.TrySetResult();
        runtime.Logger.LogDebug("Deactivated {Activation}: {Reason}.", this, reason);
        foreach (var item in leftovers)
        {
            if (item.CanForward && !item.IsAbandoned)
            {
                runtime.Catalog.Forward(item, GrainId);
            }
        }
    }

    private void DisposeTimers()
    {
        IActivationTimer[] toDispose;
        lock (gate)
        {
            toDispose = [.. timers];
            timers.Clear();
        }

        foreach (var timer in toDispose)
        {
            timer.Dispose();
        }
    }
}
