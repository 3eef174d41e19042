using Maestro.Grains.Hosting;
using Maestro.Grains.Healing.Locators;
using Maestro.Grains.TestRuns.Journeys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Maestro.Grains.Healing;

/// <summary>Registers what healing's grains need in a silo.</summary>
public static class HealingServiceCollectionExtensions
{
    /// <summary>Adds healing's options (validated when first used) and a clock.</summary>
    public static IServiceCollection AddHealing(this IServiceCollection services, Action<HealingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions(configure, o => o.Validate());
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// Heals browser journeys while they run: <see cref="LocatorHealer"/> becomes the journey adapters' locator observer,
    /// with <see cref="JourneyHealValidator"/> to read the running suite's journeys and re-run a healed one. Call after
    /// <see cref="AddHealing"/> and the browser journeys.
    /// </summary>
    public static IServiceCollection AddJourneyLocatorHealing(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ActiveJourneySuites>();
        services.TryAddSingleton<JourneyHealValidator>();
        services.TryAddSingleton<IHealValidator>(sp => sp.GetRequiredService<JourneyHealValidator>());
        services.TryAddSingleton<IJourneyDefinitionSource>(sp => sp.GetRequiredService<JourneyHealValidator>());
        services.TryAddSingleton<LocatorHealer>();
        services.TryAddSingleton<ILocatorObserver>(sp => sp.GetRequiredService<LocatorHealer>());
        return services;
    }
}
