using Maestro.Grains.AutoRepair.Monitoring;
using Maestro.Grains.Hosting;
using Maestro.Grains.TestRuns.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Maestro.Grains.AutoRepair;

/// <summary>Registers continuous auto-repair in a silo. It runs commands through the test execution's runner and root, so the silo also adds test execution.</summary>
public static class AutoRepairServiceCollectionExtensions
{
    public static IServiceCollection AddAutoRepair(this IServiceCollection services, Action<AutoRepairOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions(configure, o => o.Validate());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BoundedProcessRunner>();
        services.TryAddSingleton<MonitorRunner>();
        services.TryAddSingleton<ProjectFiles>();
        services.TryAddSingleton<GitWorkingCopy>();
        return services;
    }
}
