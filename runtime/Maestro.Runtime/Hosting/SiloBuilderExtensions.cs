using System.Reflection;
using Maestro.Runtime.Configuration;

namespace Maestro.Runtime.Hosting;

/// <summary>Silo configuration helpers, named as in Orleans.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>A single-silo development cluster. The ports are kept for the multi-silo transport.</summary>
    public static ISiloBuilder UseLocalhostClustering(this ISiloBuilder builder, string serviceId = "dev", string clusterId = "dev")
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = serviceId;
            o.ClusterId = clusterId;
        });
        return builder;
    }

    public static ISiloBuilder Configure<TOptions>(this ISiloBuilder builder, Action<TOptions> configure)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Hosts the grain classes of an assembly that is not loaded when the silo starts.</summary>
    public static ISiloBuilder AddGrainAssembly(this ISiloBuilder builder, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<GrainTypeOptions>(o => o.Assemblies.Add(assembly));
        return builder;
    }

    public static ISiloBuilder AddIncomingGrainCallFilter<TFilter>(this ISiloBuilder builder)
        where TFilter : class, IIncomingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return builder;
    }

    public static ISiloBuilder AddIncomingGrainCallFilter(this ISiloBuilder builder, IIncomingGrainCallFilter filter)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(filter);
        return builder;
    }

    public static ISiloBuilder AddOutgoingGrainCallFilter<TFilter>(this ISiloBuilder builder)
        where TFilter : class, IOutgoingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IOutgoingGrainCallFilter, TFilter>();
        return builder;
    }

    public static ISiloBuilder AddOutgoingGrainCallFilter(this ISiloBuilder builder, IOutgoingGrainCallFilter filter)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(filter);
        return builder;
    }
}
