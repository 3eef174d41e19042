using Maestro.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Maestro.Grains.Registry;

/// <summary>Registers what the registry's grains need in a silo.</summary>
public static class RegistryServiceCollectionExtensions
{
    /// <summary>
    /// Adds the registry: options (validated when first used), the probe factory, the event publisher (the logging one,
    /// unless an <see cref="IServiceEventPublisher"/> is registered already) and the supervisor.
    /// </summary>
    public static IServiceCollection AddServiceRegistry(this IServiceCollection services, Action<ServiceRegistryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions(configure, o => o.Validate());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServiceProbeFactory>();
        services.TryAddSingleton<IServiceEventPublisher, LoggingServiceEventPublisher>();
        services.AddHostedService<ServiceRegistrySupervisor>();
        return services;
    }

    /// <summary>
    /// Publishes service events on the <c>maestro.registry.services</c> stream (<see cref="StreamServiceEventPublisher"/>)
    /// instead of only logging them; the silo needs the default stream provider. Call after <see cref="AddServiceRegistry"/>.
    /// </summary>
    public static IServiceCollection AddServiceEventStream(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<LoggingServiceEventPublisher>();
        services.Replace(ServiceDescriptor.Singleton<IServiceEventPublisher, StreamServiceEventPublisher>());
        return services;
    }
}
