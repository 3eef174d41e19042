using Maestro.Runtime.Configuration;
using Maestro.Runtime.Core;
using Maestro.Runtime.Gateway;
using Maestro.Runtime.Messaging;
using Maestro.Runtime.Messaging.Wire;
using Maestro.Runtime.Metadata;
using Maestro.Runtime.Proxies;
using Maestro.Runtime.Serialization;
using Maestro.Runtime.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Maestro.Client;

/// <summary>Hosts a cluster client in a .NET host, with the names Orleans uses.</summary>
public static class ClientHostingExtensions
{
    /// <summary>
    /// Adds an <see cref="IClusterClient"/> (and <see cref="IGrainFactory"/>) that calls grains through a silo's
    /// gateway. It connects when the host starts; configure where with <c>UseStaticClustering</c> or
    /// <c>UseLocalhostClustering</c>.
    /// </summary>
    public static IHostApplicationBuilder UseOrleansClient(this IHostApplicationBuilder builder, Action<IClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOrleansClient(builder.Configuration, configure);
        return builder;
    }

    public static IServiceCollection AddOrleansClient(this IServiceCollection services, IConfiguration configuration, Action<IClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(s => s.ServiceType == typeof(Maestro.Runtime.Activation.GrainRuntime)))
        {
            throw new InvalidOperationException("This host already runs a silo, whose co-hosted IClusterClient calls grains directly; a gateway client cannot be added beside it.");
        }

        if (!services.Any(s => s.ServiceType == typeof(ClusterClientConnector)))
        {
            AddClientServices(services);
        }

        configure(new ClientBuilder(services, configuration));
        return services;
    }

    private static void AddClientServices(IServiceCollection services)
    {
        services.AddLogging();
        services.AddOptions<ClusterOptions>();
        services.AddOptions<MessagingOptions>();
        services.AddOptions<GatewayOptions>();
        services.AddOptions<StaticGatewayListProviderOptions>();
        services.AddOptions<GrainSerializerOptions>();
        services.AddOptions<TransportOptions>();

        // The wire codec wants the local grain classes only to answer calls; a client answers none, so it scans nothing.
        services.AddOptions<GrainTypeOptions>().Configure(o => o.ScanLoadedAssemblies = false);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GrainManifest>();
        services.AddSingleton<GrainReferenceConverterFactory>();
        services.AddSingleton(sp => new GrainSerializer(
            sp.GetRequiredService<IOptions<GrainSerializerOptions>>(),
            sp.GetRequiredService<GrainReferenceConverterFactory>()));
        services.AddSingleton<DeepCopier>();
        services.AddSingleton<PendingCalls>();
        services.AddSingleton<GrainReferenceFactory>();
        services.AddSingleton<WireCodec>();
        services.AddSingleton<GatewayList>();
        services.AddSingleton<IGatewayStatus>(sp => sp.GetRequiredService<GatewayList>());
        services.AddSingleton<RemoteGrainTypeResolver>();
        services.AddSingleton<IGrainTypeResolver>(sp => sp.GetRequiredService<RemoteGrainTypeResolver>());
        services.AddSingleton<GatewayInfoClient>();
        services.AddSingleton(sp =>
        {
            var gateway = sp.GetRequiredService<IOptions<GatewayOptions>>().Value;
            gateway.Validate();
            var transport = sp.GetRequiredService<IOptions<TransportOptions>>().Value;
            return new SiloTransportClient(
                new TransportOptions { MaxMessageSize = transport.MaxMessageSize, ConnectTimeout = gateway.ConnectTimeout },
                GatewayServer.ClientKeyHeader,
                gateway.ClientKey,
                "GatewayOptions.ClientKey must equal the silos' TransportOptions.GatewayClientKey");
        });
        services.AddSingleton<IMessageRouter, GatewayMessageRouter>();
        services.AddSingleton<GrainCallInvoker>();
        services.AddSingleton<GrainFactory>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainFactory>());
        services.AddSingleton<IClusterClient>(sp => sp.GetRequiredService<GrainFactory>());
        services.AddSingleton<ClusterClientConnector>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterClientConnector>());
    }
}
