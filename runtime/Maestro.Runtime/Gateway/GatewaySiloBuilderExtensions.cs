using Maestro.Runtime.Hosting;
using Maestro.Runtime.Messaging.Wire;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Maestro.Runtime.Gateway;

/// <summary>Makes a silo a gateway for <c>Maestro.Client</c>.</summary>
public static class GatewaySiloBuilderExtensions
{
    /// <summary>
    /// Listens for clients on <see cref="Transport.TransportOptions.GatewayPort"/> (default 30000, on
    /// <see cref="Transport.TransportOptions.ListenAddress"/>, 127.0.0.1 by default), with or without
    /// <c>UsePostgreSqlClustering</c>. Set <see cref="Transport.TransportOptions.GatewayClientKey"/> to require a key.
    /// In a cluster the membership table advertises the gateway, and clients learn of it from any other gateway.
    /// </summary>
    public static ISiloBuilder UseGateway(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<Transport.TransportOptions>();
        services.TryAddSingleton<WireCodec>();
        services.AddSingleton<GatewayRequestHandler>();
        services.AddSingleton<GatewayServer>();
        services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredService<GatewayServer>());

        // Registered after the silo's own hosted service, so it stops first: clients are turned away before grains deactivate.
        services.AddHostedService(sp => sp.GetRequiredService<GatewayServer>());
        return builder;
    }
}
