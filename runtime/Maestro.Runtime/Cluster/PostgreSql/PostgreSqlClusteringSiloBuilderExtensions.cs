using Maestro.Runtime.Activation;
using Maestro.Runtime.Configuration;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Messaging;
using Maestro.Runtime.Messaging.Wire;
using Maestro.Runtime.Placement;
using Maestro.Runtime.Transport;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Maestro.Runtime.Cluster.PostgreSql;

/// <summary>Turns a silo into a member of a cluster whose membership and grain directory live in PostgreSQL.</summary>
public static class PostgreSqlClusteringSiloBuilderExtensions
{
    /// <summary>
    /// Membership with leases and the grain directory in PostgreSQL, the HTTP/2 silo transport on
    /// <see cref="TransportOptions.SiloPort"/>, and calls routed to whichever silo hosts the grain. Configure
    /// <see cref="TransportOptions"/> (at least its ClusterSecret) as well. Without this call a silo runs alone, as before.
    /// </summary>
    public static ISiloBuilder UsePostgreSqlClustering(this ISiloBuilder builder, Action<PostgreSqlClusteringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<PostgreSqlClusteringOptions>().Configure(configure);
        services.AddOptions<TransportOptions>();
        services.AddSingleton<IMembershipTable>(sp => new PostgreSqlMembershipTable(
            sp.GetRequiredService<IOptions<PostgreSqlClusteringOptions>>().Value, sp.GetRequiredService<IOptions<ClusterOptions>>()));
        services.AddSingleton<IGrainDirectory>(sp => new PostgreSqlGrainDirectory(
            sp.GetRequiredService<IOptions<PostgreSqlClusteringOptions>>().Value, sp.GetRequiredService<IOptions<ClusterOptions>>()));
        services.AddSingleton<ClusterView>();
        services.AddSingleton<MembershipWriteFence>();
        services.AddSingleton<PlacementDirectors>();
        services.AddSingleton<IClusterMembershipStatus, ClusterMembershipStatus>();
        services.AddSingleton<GrainLocator>();
        services.AddSingleton<IActivationRegistrar>(sp => sp.GetRequiredService<GrainLocator>());
        services.AddSingleton<WireCodec>();
        services.AddSingleton<SiloTransportClient>();
        services.AddSingleton<ClusterWireRequestHandler>();
        services.AddSingleton<IWireRequestHandler>(sp => sp.GetRequiredService<ClusterWireRequestHandler>());
        services.AddSingleton<SiloTransportServer>();
        services.AddSingleton<ClusterMessageRouter>();
        services.RemoveAll<IMessageRouter>();
        services.AddSingleton<IMessageRouter>(sp => sp.GetRequiredService<ClusterMessageRouter>());
        services.AddSingleton<ClusterMembershipService>();
        services.AddSingleton<ISiloLifecycleParticipant>(sp => sp.GetRequiredService<ClusterMembershipService>());

        // Registered after the silo's own hosted service, so it stops first: the silo announces ShuttingDown before its grains deactivate.
        services.AddHostedService(sp => sp.GetRequiredService<ClusterMembershipService>());
        return builder;
    }
}
