using Maestro.Grains.AutoRepair.Monitoring;
using Maestro.Grains.AutoRepair.Planning;
using Maestro.Grains.Hosting;
using Maestro.Grains.TestRuns.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Maestro.Grains.AutoRepair;

/// <summary>
/// Registers continuous auto-repair in a silo, with the journey locator planner. It runs commands through the test
/// execution's runner and root, and journeys through the journey adapters, so the silo also adds those.
/// </summary>
public static class AutoRepairServiceCollectionExtensions
{
    public static IServiceCollection AddAutoRepair(this IServiceCollection services, Action<AutoRepairOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions(configure, o => o.Validate());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BoundedProcessRunner>();
        services.TryAddSingleton<JourneyMonitorRunner>();
        services.TryAddSingleton<MonitorRunner>();
        services.TryAddSingleton<ProjectFiles>();
        services.TryAddSingleton<GitWorkingCopy>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRepairPlanner, JourneyLocatorPlanner>());
        return services;
    }
}
