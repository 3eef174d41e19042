using System.Net;
using Maestro.Runtime.Configuration;

namespace Maestro.Client;

/// <summary>Client configuration helpers, named as in Orleans.</summary>
public static class ClientBuilderExtensions
{
    /// <summary>Starts from these gateways (silos' gateway endpoints); the live list then comes from the cluster.</summary>
    public static IClientBuilder UseStaticClustering(this IClientBuilder builder, params IPEndPoint[] endpoints)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(endpoints);
        var gateways = endpoints.Select(GatewayEndpoint.FromEndPoint).ToList();
        return builder.UseStaticClustering(o => o.Gateways.AddRange(gateways));
    }

    /// <summary>Starts from these gateways, written as <c>host:port</c> or <c>http://host:port/</c>.</summary>
    /// <exception cref="FormatException">An endpoint is malformed; the message quotes it.</exception>
    public static IClientBuilder UseStaticClustering(this IClientBuilder builder, params string[] endpoints)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(endpoints);
        var gateways = endpoints.Select(GatewayEndpoint.Parse).ToList();
        return builder.UseStaticClustering(o => o.Gateways.AddRange(gateways));
    }

    public static IClientBuilder UseStaticClustering(this IClientBuilder builder, Action<StaticGatewayListProviderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>A silo on this machine: the gateway at 127.0.0.1:<paramref name="gatewayPort"/>, as Orleans' method of the same name.</summary>
    public static IClientBuilder UseLocalhostClustering(this IClientBuilder builder, int gatewayPort = 30000, string serviceId = "dev", string clusterId = "dev")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(gatewayPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(gatewayPort, 65535);
        builder.Services.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = serviceId;
            o.ClusterId = clusterId;
        });
        return builder.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, gatewayPort));
    }

    public static IClientBuilder Configure<TOptions>(this IClientBuilder builder, Action<TOptions> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }
}
