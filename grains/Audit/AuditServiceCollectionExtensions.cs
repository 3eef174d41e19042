using Maestro.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Maestro.Grains.Audit;

/// <summary>Registers the audit log in a silo.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>Adds the audit log (on grains, unless an <see cref="IAuditLog"/> is registered already), its options and the retention sweep.</summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services, Action<AuditOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions(configure, o => o.Validate());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditLog, GrainAuditLog>();
        services.AddHostedService<AuditRetentionSweeper>();
        return services;
    }
}
