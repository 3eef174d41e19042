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
}
