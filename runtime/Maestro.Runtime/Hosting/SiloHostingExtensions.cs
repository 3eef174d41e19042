using Maestro.Runtime.Activation;
using Maestro.Runtime.Configuration;
using Maestro.Runtime.Core;
using Maestro.Runtime.Messaging;
using Maestro.Runtime.Metadata;
using Maestro.Runtime.Proxies;
using Maestro.Runtime.Serialization;
using Maestro.Runtime.Statistics;
using Maestro.Runtime.Timers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Maestro.Runtime.Hosting;

/// <summary>Hosts a silo in a .NET host, with the names Orleans uses.</summary>
public static class SiloHostingExtensions
{
    public static IHostApplicationBuilder UseOrleans(this IHostApplicationBuilder builder, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOrleans(builder.Configuration, configure);
        return builder;
    }

    public static IServiceCollection AddOrleans(this IServiceCollection services, IConfiguration configuration, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (!services.Any(s => s.ServiceType == typeof(GrainRuntime)))
        {
            AddSiloServices(services);
        }

        configure(new SiloBuilder(services, configuration));
        return services;
    }

    private static void AddSiloServices(IServiceCollection services)
    {
        services.AddOptions<ClusterOptions>();
        services.AddOptions<SiloOptions>();
        services.AddOptions<MessagingOptions>();
        services.AddOptions<GrainCollectionOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<GrainCollectionOptions>, GrainCollectionOptionsValidator>();
        services.AddOptions<GrainTypeOptions>();
        services.AddOptions<GrainSerializerOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GrainManifest>();
        services.AddSingleton<IGrainTypeResolver>(sp => sp.GetRequiredService<GrainManifest>());
        services.AddSingleton<GrainReferenceConverterFactory>();
        services.AddSingleton(sp => new GrainSerializer(
            sp.GetRequiredService<IOptions<GrainSerializerOptions>>(),
            sp.GetRequiredService<GrainReferenceConverterFactory>()));
        services.AddSingleton<DeepCopier>();
        services.AddSingleton<PendingCalls>();
        services.AddSingleton<GrainReferenceFactory>();
        services.AddOptions<GrainCallStatisticsOptions>();
        services.AddSingleton(sp => new GrainCallStatistics(sp.GetRequiredService<IOptions<GrainCallStatisticsOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<GrainRuntime>();
        services.AddSingleton<IMessageRouter, LocalMessageRouter>();
        services.AddSingleton<GrainCallInvoker>();
        services.AddSingleton<GrainFactory>();
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainFactory>());
        services.AddSingleton<IClusterClient>(sp => sp.GetRequiredService<GrainFactory>());
        services.AddSingleton<ITimerRegistry, TimerRegistry>();
        services.AddSingleton<LocalSiloStatus>();
        services.AddSingleton<ISiloStatus>(sp => sp.GetRequiredService<LocalSiloStatus>());
        services.AddSingleton<SiloHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<SiloHostedService>());
        services.AddSingleton<ActivationCollector>();
        services.AddHostedService(sp => sp.GetRequiredService<ActivationCollector>());
    }
}
