using Maestro.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Maestro.Grains.TestRuns.Execution;

/// <summary>Registers suite execution in a silo: its options, the process runner, the command adapters and the adapter registry.</summary>
public static class TestExecutionServiceCollectionExtensions
{
    /// <summary>
    /// Adds <c>dotnet-test</c>, <c>junit-command</c> and <c>playwright-json-command</c>; other adapters (browser
    /// journeys) are any further <see cref="ITestAdapter"/> services, chosen by name. <paramref name="siloName"/> names
    /// the silo in shard reports (default: machine name and process id).
    /// </summary>
    public static IServiceCollection AddTestExecution(this IServiceCollection services, Action<TestExecutionOptions>? configure = null, Func<IServiceProvider, string>? siloName = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions(configure, o => o.Validate());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SiloIdentity(siloName is null ? () => $"{Environment.MachineName}:{Environment.ProcessId}" : () => siloName(sp)));
        services.TryAddSingleton<BoundedProcessRunner>();
        services.AddSingleton<ITestAdapter, DotnetTestAdapter>();
        services.AddSingleton<ITestAdapter, JUnitCommandAdapter>();
        services.AddSingleton<ITestAdapter, PlaywrightJsonCommandAdapter>();
        services.TryAddSingleton<TestAdapterRegistry>();
        return services;
    }
}
