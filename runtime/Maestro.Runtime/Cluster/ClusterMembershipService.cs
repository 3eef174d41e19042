using Maestro.Runtime.Activation;
using Maestro.Runtime.Cluster.PostgreSql;
using Maestro.Runtime.Configuration;
using Maestro.Runtime.Gateway;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Transport;
using Microsoft.Extensions.Hosting;

namespace Maestro.Runtime.Cluster;

/// <summary>
/// This silo's membership: starts the transport, joins and becomes Active, renews its lease every heartbeat period,
/// declares expired silos dead every sweep period, and keeps the <see cref="ClusterView"/> current. When its own row
/// reads Dead it stops taking work at once. A graceful stop goes ShuttingDown (before grains deactivate, as a hosted
/// service stopped before the silo's) and Dead (after, as a lifecycle participant); a kill only stops the loops and
/// cuts connections, leaving the lease to expire as a crash would.
/// </summary>
internal sealed class ClusterMembershipService : ISiloLifecycleParticipant, IHostedService, IAsyncDisposable
{
    private readonly IMembershipTable table;
    private readonly ClusterView view;
    private readonly SiloTransportServer server;
    private readonly GatewayServer? gateway;
    private readonly GrainRuntime runtime;
    private readonly PostgreSqlClusteringOptions options;
    private readonly TransportOptions transportOptions;
    private readonly string siloName;
    private readonly ILogger<ClusterMembershipService> logger;
    private readonly CancellationTokenSource stopping = new();
    private Task loops = Task.CompletedTask;
    private Task deathDeactivation = Task.CompletedTask;

    public ClusterMembershipService(
        IMembershipTable table,
        ClusterView view,
        SiloTransportServer server,
        GrainRuntime runtime,
        IOptions<PostgreSqlClusteringOptions> options,
        IOptions<TransportOptions> transportOptions,
        IOptions<SiloOptions> siloOptions,
        ILogger<ClusterMembershipService> logger,
        GatewayServer? gateway = null)
    {
        options.Value.Validate();
        this.table = table;
        this.view = view;
        this.server = server;
        this.gateway = gateway;
        this.runtime = runtime;
        this.options = options.Value;
        this.transportOptions = transportOptions.Value;
        siloName = siloOptions.Value.SiloName;
        this.logger = logger;
    }

    public async Task OnSiloStartAsync(CancellationToken cancellationToken)
    {
        await table.InitializeAsync(cancellationToken);

        // Listening before joining: once the row says Active, peers may call at any moment.
        await server.StartAsync(cancellationToken);
        int? gatewayPort = null;
        if (gateway is not null)
        {
            // Its bound port goes into the membership row, which is how clients learn of this gateway.
            await gateway.StartAsync(cancellationToken);
            gatewayPort = gateway.Address.Port;
        }

        var address = SiloAddress.NewGeneration(transportOptions.ListenAddress.ToString(), server.Address.Port);
        view.SetLocal(address);
        var joinSent = Environment.TickCount64;
        await table.JoinAsync(address, siloName, gatewayPort, cancellationToken);
        var report = await table.SetStatusAsync(address, SiloStatus.Active, cancellationToken);
        if (report.Status != SiloStatus.Active)
        {
            throw new OrleansException($"Silo {address} could not become Active: the membership table says it is {report.Status}.");
        }

        view.LeaseRenewed(joinSent, options.LeaseDuration);
        view.Update(await table.ReadAllAsync(cancellationToken));
        view.SetAccepting(true);
        loops = Task.WhenAll(
            Task.Run(() => HeartbeatLoopAsync(address, stopping.Token), CancellationToken.None),
            Task.Run(() => SweepLoopAsync(stopping.Token), CancellationToken.None));
        logger.LogInformation("Silo {Silo} joined the cluster as {Address} (membership version {Version}).", siloName, address, report.Version);
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs before the silo deactivates its grains (hosted services stop in reverse order of registration).</summary>
    async Task IHostedService.StopAsync(CancellationToken cancellationToken)
    {
        view.SetAccepting(false);
        if (cancellationToken.IsCancellationRequested)
        {
            // A kill: no goodbye to the table, connections cut, so the cluster must detect the death by the lease.
            await stopping.CancelAsync();
            await loops;
            await server.StopAsync(abort: true);
            logger.LogWarning("Silo {Silo} was killed: its lease will expire and the cluster will declare it dead.", siloName);
            return;
        }

        if (view.LocalAddress is { } address)
        {
            // Peers stop placing grains here while the grains deactivate.
            await table.SetStatusAsync(address, SiloStatus.ShuttingDown, cancellationToken);
        }
    }

    /// <summary>Runs after every grain deactivated (and unregistered): leaves the cluster for good.</summary>
    public async Task OnSiloStopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await loops;
        await deathDeactivation;
        if (view.LocalAddress is { } address)
        {
            await table.SetStatusAsync(address, SiloStatus.Dead, cancellationToken);
        }

        await server.StopAsync(abort: false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!stopping.IsCancellationRequested)
        {
            await stopping.CancelAsync();
        }

        await loops;
        stopping.Dispose();
    }

    private async Task HeartbeatLoopAsync(SiloAddress address, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                SiloStatusReport report;
                var sent = Environment.TickCount64;
                try
                {
                    report = await table.HeartbeatAsync(address, runtime.Catalog.ActivationCount, cancellationToken);
                    if (report.Status != SiloStatus.Dead)
                    {
                        if (view.IsLeaseExpired)
                        {
                            logger.LogWarning("Silo {Address} renewed its lease again and serves calls again.", address);
                        }

                        view.LeaseRenewed(sent, options.LeaseDuration);

                        // Read every period, not only on a new version: the peers' activation counts (for
                        // activation-count-based placement) change with their heartbeats, which do not bump the version.
                        var read = await table.ReadAllAsync(cancellationToken);
                        if (!view.Update(read))
                        {
                            view.UpdateLoads(read);
                        }
                    }
                }
                catch (OrleansException ex)
                {
                    // The next period is the retry; the lease is several periods long.
                    view.LeaseRenewalFailed();
                    logger.LogWarning(ex, "Heartbeat of silo {Address} failed; retrying in {Period}.{Expired}", address, options.HeartbeatPeriod,
                        view.IsLeaseExpired ? " Its lease has run out: it serves no calls until a renewal succeeds." : string.Empty);
                    continue;
                }

                if (report.Status == SiloStatus.Dead)
                {
                    OnDeclaredDead(address);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    private async Task SweepLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.SweepPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                // After the table was unreachable every lease looks expired: sweeping before the others had a whole lease
                // to renew would declare the whole cluster dead at once.
                if (!view.IsAccepting || !view.HasHeldLeaseFor(options.LeaseDuration))
                {
                    continue;
                }

                try
                {
                    var dead = await table.DeclareExpiredSilosDeadAsync(options.DeathGracePeriod, cancellationToken);
                    if (dead.Count > 0)
                    {
                        logger.LogWarning("Declared dead after their leases expired: {Silos}.", string.Join(", ", dead));
                        view.Update(await table.ReadAllAsync(cancellationToken));
                    }
                }
                catch (OrleansException ex)
                {
                    logger.LogWarning(ex, "Membership sweep failed; retrying in {Period}.", options.SweepPeriod);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    /// <summary>The cluster has given this silo's grains away: serving them any longer would make duplicates.</summary>
    private void OnDeclaredDead(SiloAddress address)
    {
        view.MarkDeclaredDead();
        logger.LogCritical("Silo {Address} was declared dead by the cluster; it stops taking work and deactivates its grains. Restart it to rejoin.", address);
        deathDeactivation = runtime.Catalog.DeactivateAllAsync(
            new DeactivationReason(DeactivationReasonCode.RuntimeRequested, "The cluster declared this silo dead."));
    }
}
