using Maestro.Grains.Hosting;
using Maestro.Grains.TestRuns.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>Registers the browser journey adapters, <c>playwright</c> and <c>selenium</c>, as <see cref="ITestAdapter"/>s.</summary>
public static class BrowserJourneyServiceCollectionExtensions
{
    /// <summary>
    /// Adds both adapters (each also under its own type) with <see cref="BrowserJourneyOptions"/>. Their browsers start
    /// on first use and stop when the service provider is disposed. An <see cref="ILocatorObserver"/> registered in the
    /// same container is told about every journey locator.
    /// </summary>
    public static IServiceCollection AddBrowserJourneys(this IServiceCollection services, Action<BrowserJourneyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions(configure, o => o.Validate());
        services.TryAddSingleton<ActiveJourneySuites>();
        services.AddSingleton<PlaywrightJourneyAdapter>();
        services.AddSingleton<SeleniumJourneyAdapter>();
        services.AddSingleton<ITestAdapter>(sp => sp.GetRequiredService<PlaywrightJourneyAdapter>());
        services.AddSingleton<ITestAdapter>(sp => sp.GetRequiredService<SeleniumJourneyAdapter>());
        return services;
    }
}
