using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Maestro.Grains.TestRuns;

/// <summary>Registers the options the test-run and analytics grains read.</summary>
public static class TestResultsServiceCollectionExtensions
{
    /// <exception cref="ArgumentException">The configured options are invalid (checked now, not on first use).</exception>
    public static IServiceCollection AddTestResults(this IServiceCollection services, Action<TestResultsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new TestResultsOptions();
        configure?.Invoke(options);
        options.Validate();
        services.AddSingleton(Options.Create(options));
        return services;
    }
}
