using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Grains.Hosting;

/// <summary>Registers a feature's options with its own <c>Validate()</c>, which throws naming every problem.</summary>
public static class ValidatedOptionsExtensions
{
    /// <summary>
    /// Adds <typeparamref name="TOptions"/>, applies <paramref name="configure"/> when given, and runs
    /// <paramref name="validate"/> when the options are first used, so a bad setting fails with its own message.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<TOptions>(
        this IServiceCollection services, Action<TOptions>? configure, Action<TOptions> validate)
        where TOptions : class
    {
        var builder = services.AddOptions<TOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.Validate(options =>
        {
            validate(options);
            return true;
        });
        return services;
    }
}
