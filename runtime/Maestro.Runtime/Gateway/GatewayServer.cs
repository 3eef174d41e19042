using Maestro.Runtime.Cluster;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Messaging.Wire;
using Maestro.Runtime.Metadata;
using Maestro.Runtime.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Maestro.Runtime.Gateway;

/// <summary>
/// A silo's endpoint for clients, on <see cref="TransportOptions.GatewayPort"/> (HTTP/2 cleartext, the silo's listen
/// address). Calls are routed through this silo's own router (directory, placement), so a client needs neither the
/// cluster secret nor the directory. It also serves the live gateways (<c>GET /_maestro/gateways</c>) and which grain
/// types implement which interfaces (<c>GET /_maestro/manifest</c>). While the silo is starting, stopping or declared
/// dead it answers 503 before reading a call, so the client knows the call did not run and uses another gateway.
/// </summary>
internal sealed class GatewayServer : WireEndpointServer, ISiloLifecycleParticipant, IHostedService
{
    public const string ClientKeyHeader = "X-Maestro-Client-Key";
    public const string GatewaysPath = "/_maestro/gateways";
    public const string ManifestPath = "/_maestro/manifest";

    private readonly ISiloStatus status;
    private readonly ClusterView? view;
    private readonly Lazy<ClusterManifestResponse> manifest;
    private volatile bool stopping;

    public GatewayServer(
        IOptions<TransportOptions> options,
        GatewayRequestHandler handler,
        ISiloStatus status,
        GrainManifest grainManifest,
        IServiceProvider services,
        ILogger<GatewayServer> logger)
        : base(Settings(options.Value), handler, logger)
    {
        this.status = status;
        view = services.GetService<ClusterView>();
        manifest = new Lazy<ClusterManifestResponse>(() => BuildManifest(grainManifest));
    }

    /// <summary>The gateways of the silos the cluster shows Active (this one alone when it runs without a cluster).</summary>
    public IReadOnlyList<Uri> LiveGateways()
    {
        if (view is null)
        {
            return IsListening ? [Address] : [];
        }

        return [.. view.Silos
            .Where(s => s.Status == SiloStatus.Active && s.GatewayPort is not null)
            .Select(s => GatewayUri(s.Address.Host, s.GatewayPort!.Value))];
    }

    /// <summary>The address of a gateway, bracketing an IPv6 host.</summary>
    public static Uri GatewayUri(string host, int port) =>
        new(host.Contains(':', StringComparison.Ordinal) ? $"http://[{host}]:{port}/" : $"http://{host}:{port}/");

    public Task OnSiloStartAsync(CancellationToken cancellationToken) => StartAsync(cancellationToken);

    public Task OnSiloStopAsync(CancellationToken cancellationToken) => StopAsync(abort: false);

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs before the silo deactivates its grains: from now on clients are sent elsewhere (503).</summary>
    async Task IHostedService.StopAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        if (cancellationToken.IsCancellationRequested)
        {
            // A simulated crash: connections are cut, as a killed process's would be.
            await StopAsync(abort: true);
        }
    }

    protected override string? RefusalReason()
    {
        if (stopping)
        {
            return $"Silo {status.SiloName} is stopping; use another gateway.";
        }

        if (status.StartedAt is null)
        {
            return $"Silo {status.SiloName} is still starting; use another gateway or retry.";
        }

        if (view is { IsAccepting: false })
        {
            return view.IsDeclaredDead
                ? $"Silo {status.SiloName} was declared dead by the cluster; use another gateway."
                : $"Silo {status.SiloName} is not an active cluster member; use another gateway.";
        }

        return null;
    }

    protected override async Task<bool> HandleOtherAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return false;
        }

        if (context.Request.Path == GatewaysPath)
        {
            await WriteJsonAsync(context, new GatewayListResponse([.. LiveGateways().Select(g => g.ToString())]));
            return true;
        }

        if (context.Request.Path == ManifestPath)
        {
            await WriteJsonAsync(context, manifest.Value);
            return true;
        }

        return false;
    }

    private static WireEndpointSettings Settings(TransportOptions options)
    {
        options.Validate(requireClusterSecret: false);
        return new WireEndpointSettings(
            "Gateway",
            options.ListenAddress,
            options.GatewayPort,
            options.MaxMessageSize,
            ClientKeyHeader,
            options.GatewayClientKey is { } key ? new ClusterSecret(key) : null);
    }

    private static ClusterManifestResponse BuildManifest(GrainManifest grainManifest) => new(
    [
        .. grainManifest.Classes.SelectMany(c => c.ClassType.GetInterfaces()
            .Where(i => typeof(IAddressable).IsAssignableFrom(i) && !i.ContainsGenericParameters)
            .Select(i => new ClusterManifestEntry(WireTypes.InterfaceName(i), c.GrainType.Value, c.ClassType.FullName ?? c.ClassType.Name))),
    ]);
}
