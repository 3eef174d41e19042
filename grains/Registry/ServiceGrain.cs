using Maestro.GrainInterfaces.Registry;

namespace Maestro.Grains.Registry;

/// <summary>
/// One registered service. Two grain timers run while it is registered (and keep it active): the expiry check and,
/// when it has a health endpoint, the probe. A probe runs off the grain's turn, so a slow endpoint never holds up
/// heartbeats, and reports back through <see cref="RecordProbeAsync"/>, which runs as a normal request. Every change
/// is stored first, then pushed to the service index, then published.
/// </summary>
public sealed partial class ServiceGrain(
    [PersistentState("service")] IPersistentState<ServiceState> state,
    IOptions<ServiceRegistryOptions> options,
    ServiceProbeFactory probes,
    IServiceEventPublisher publisher,
    TimeProvider timeProvider,
    ILogger<ServiceGrain> logger) : Grain, IServiceGrain
{
    private readonly ServiceRegistryOptions settings = options.Value;
    private readonly CancellationTokenSource deactivating = new();
    private IGrainTimer? expiryTimer;
    private IGrainTimer? probeTimer;
    private ServiceProbe? probe;
    private Task? probeInFlight;

    private ServiceState S => state.State;

    private string Name => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Registered)
        {
            StartMonitoring(restartProbe: true);
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await deactivating.CancelAsync();
        StopMonitoring();
    }

    public async Task<RegistrationResult> RegisterAsync(ServiceRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var validation = ServiceRegistrationValidator.Validate(registration);
        if (!validation.IsValid)
        {
            throw new ArgumentException(
                "Invalid registration: " + string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")), nameof(registration));
        }

        if (!string.Equals(registration.Name, Name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The registration names '{registration.Name}' but this grain is service '{Name}'.", nameof(registration));
        }

        var now = timeProvider.GetUtcNow();
        var created = !S.Registered;
        var endpointChanged = created || !string.Equals(S.Registration?.HealthEndpoint, registration.HealthEndpoint, StringComparison.Ordinal)
            || !string.Equals(S.Registration?.BaseUrl, registration.BaseUrl, StringComparison.Ordinal);
        S.Registration = validation.Registration;
        S.LastHeartbeat = now;
        S.Revision++;
        StatusChange? change;
        if (created)
        {
            S.Registered = true;
            S.RegisteredAt = now;
            S.LastProbe = null;
            change = SetStatus(null, ServiceStatus.Healthy, "registered", now);
        }
        else
        {
            if (endpointChanged)
            {
                S.LastProbe = null;
            }

            change = SetStatus(S.Status, Evaluate(now), "registration updated", now);
        }

        await state.WriteStateAsync();
        await UpdateIndexAsync();
        await PublishAsync(created
            ? new ServiceEvent(Name, ServiceEventKind.Registered, null, S.Status, now, "registered")
            : change is null ? null : StatusEvent(change));
        StartMonitoring(restartProbe: endpointChanged);
        return new RegistrationResult(Snapshot(), created);
    }

    public async Task<HeartbeatAck?> HeartbeatAsync()
    {
        if (!S.Registered)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        S.LastHeartbeat = now;
        var change = SetStatus(S.Status, Evaluate(now), "heartbeat received", now);
        await state.WriteStateAsync();
        if (change is not null)
        {
            await UpdateIndexAsync();
            await PublishAsync(StatusEvent(change));
        }

        return new HeartbeatAck(S.Status, now + settings.HeartbeatInterval, now + settings.HeartbeatTimeout);
    }

    public Task<ServiceSnapshot?> GetAsync() => Task.FromResult(S.Registered ? Snapshot() : null);

    public Task<IReadOnlyList<StatusChange>> GetHistoryAsync() => Task.FromResult<IReadOnlyList<StatusChange>>(S.History.ToList());

    public async Task<bool> DeregisterAsync()
    {
        if (!S.Registered)
        {
            return false;
        }

        await RemoveAsync(ServiceEventKind.Deregistered, "deregistered");
        return true;
    }

    public async Task RecordProbeAsync(ProbeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!S.Registered || S.Registration?.HealthEndpoint is null)
        {
            return;
        }

        S.LastProbe = result;
        var now = timeProvider.GetUtcNow();
        var reason = result.Error is { } error ? $"probe: {error}"
            : $"probe: HTTP {result.HttpStatus} in {result.LatencyMs} ms";
        var change = SetStatus(S.Status, Evaluate(now), reason, now);
        await state.WriteStateAsync();
        if (change is not null)
        {
            await UpdateIndexAsync();
            await PublishAsync(StatusEvent(change));
        }
    }

    public async Task EnsureMonitoredAsync()
    {
        if (S.Registered)
        {
            await CheckExpiryAsync();
            await UpdateIndexAsync();
        }
        else
        {
            // A stale index entry (its removal was lost in a crash) is dropped here.
            await GrainFactory.GetGrain<IServiceIndexGrain>(IServiceIndexGrain.Key).RemoveAsync(Name, S.Revision);
        }
    }

    private ServiceStatus Evaluate(DateTimeOffset now) =>
        ServiceStatusEvaluator.Evaluate(S.LastHeartbeat, S.LastProbe, S.Registration?.HealthEndpoint is not null, now, settings.HeartbeatTimeout);

    /// <summary>Enters <paramref name="to"/> if it differs, recording the change in the bounded history.</summary>
    private StatusChange? SetStatus(ServiceStatus? from, ServiceStatus to, string reason, DateTimeOffset now)
    {
        if (from == to)
        {
            return null;
        }

        var change = new StatusChange(now, from, to, reason);
        S.Status = to;
        S.StatusChangedAt = now;
        S.Revision++;
        S.History.Add(change);
        if (S.History.Count > settings.HistoryLimit)
        {
            S.History.RemoveRange(0, S.History.Count - settings.HistoryLimit);
        }

        return change;
    }

    private ServiceEvent StatusEvent(StatusChange change) =>
        new(Name, ServiceEventKind.StatusChanged, change.From, change.To, change.At, change.Reason);

    private async Task CheckExpiryAsync()
    {
        if (!S.Registered)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        if (S.Status == ServiceStatus.Expired && now - S.StatusChangedAt > settings.RemoveExpiredAfter)
        {
            await RemoveAsync(ServiceEventKind.Removed, $"expired for more than {settings.RemoveExpiredAfter}");
            return;
        }

        var change = SetStatus(S.Status, Evaluate(now), $"no heartbeat for more than {settings.HeartbeatTimeout}", now);
        if (change is not null)
        {
            await state.WriteStateAsync();
            await UpdateIndexAsync();
            await PublishAsync(StatusEvent(change));
        }
    }

    private async Task RemoveAsync(ServiceEventKind kind, string reason)
    {
        StopMonitoring();
        var now = timeProvider.GetUtcNow();
        var from = S.Status;
        S.Registered = false;
        S.Registration = null;
        S.LastProbe = null;
        S.Revision++;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IServiceIndexGrain>(IServiceIndexGrain.Key).RemoveAsync(Name, S.Revision);
        await PublishAsync(new ServiceEvent(Name, kind, from, null, now, reason));
    }

    private Task UpdateIndexAsync()
    {
        var registration = S.Registration!;
        return GrainFactory.GetGrain<IServiceIndexGrain>(IServiceIndexGrain.Key).UpsertAsync(new ServiceIndexEntry(
            Name, registration.Version, registration.BaseUrl, registration.Tags, S.Status, S.StatusChangedAt, S.Revision));
    }

    private async Task PublishAsync(ServiceEvent? serviceEvent)
    {
        if (serviceEvent is null)
        {
            return;
        }

        try
        {
            await publisher.PublishAsync(serviceEvent, deactivating.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change is stored and in the history; a publisher failure must not fail the caller's request.
            LogPublishFailed(logger, ex, Name, serviceEvent.Kind);
        }
    }

    private ServiceSnapshot Snapshot() => new(
        S.Registration!,
        S.Status,
        S.RegisteredAt,
        S.LastHeartbeat,
        S.LastHeartbeat + settings.HeartbeatTimeout,
        S.StatusChangedAt,
        S.LastProbe,
        S.Revision);

    private void StartMonitoring(bool restartProbe)
    {
        expiryTimer ??= this.RegisterGrainTimer(
            _ => CheckExpiryAsync(),
            new GrainTimerCreationOptions(TimeSpan.Zero, settings.ExpiryCheckPeriod) { KeepAlive = true });
        if (restartProbe)
        {
            probeTimer?.Dispose();
            probeTimer = null;
            probe = null;
        }

        if (S.Registration?.HealthEndpoint is not null && probeTimer is null)
        {
            probe = probes.Create();
            probeTimer = this.RegisterGrainTimer(
                _ => StartProbe(),
                new GrainTimerCreationOptions(TimeSpan.Zero, settings.ProbeInterval) { KeepAlive = true });
        }
    }

    private void StopMonitoring()
    {
        expiryTimer?.Dispose();
        expiryTimer = null;
        probeTimer?.Dispose();
        probeTimer = null;
        probe = null;
    }

    /// <summary>Starts a probe on the thread pool unless one is still running; its result comes back as a request.</summary>
    private Task StartProbe()
    {
        if (probe is null || S.Registration?.HealthEndpoint is not { } endpoint || probeInFlight is { IsCompleted: false })
        {
            return Task.CompletedTask;
        }

        var url = new Uri(S.Registration.BaseUrl + endpoint, UriKind.Absolute);
        var self = this.AsReference<IServiceGrain>();
        var currentProbe = probe;
        var token = deactivating.Token;
        using (ExecutionContext.SuppressFlow())
        {
            probeInFlight = Task.Run(() => RunProbeAsync(currentProbe, url, self, token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    private async Task RunProbeAsync(ServiceProbe currentProbe, Uri url, IServiceGrain self, CancellationToken token)
    {
        try
        {
            var result = await currentProbe.ProbeAsync(url, token);
            if (!token.IsCancellationRequested)
            {
                await self.RecordProbeAsync(result);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The activation is going away; the next activation probes again.
        }
        catch (Exception ex)
        {
            LogProbeFailed(logger, ex, Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the {Kind} event of service {Service} failed; the change is stored.")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string service, ServiceEventKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording a probe result of service {Service} failed; the next probe tries again.")]
    private static partial void LogProbeFailed(ILogger logger, Exception exception, string service);
}
