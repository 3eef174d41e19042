using Maestro.Grains.Hosting;
using Maestro.Grains.Healing.Locators;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Maestro.Grains.Healing;

/// <summary>Registers what healing's grains need in a silo.</summary>
public static class HealingServiceCollectionExtensions
{
    /// <summary>
    /// Adds healing's options (validated when first used) and a clock. The journey runner registers
    /// <see cref="LocatorHealer"/> as its locator observer, with its own <see cref="IHealValidator"/> and
    /// <see cref="IJourneyDefinitionSource"/>.
    /// </summary>
    public static IServiceCollection AddHealing(this IServiceCollection services, Action<HealingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions(configure, o => o.Validate());
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
