using Maestro.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Maestro.Grains.Audit;

/// <summary>Registers the audit log in a silo, or its writer and reader in a host that calls the grains from outside.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>Adds the audit log (on grains, unless an <see cref="IAuditLog"/> is registered already), its options and the retention sweep.</summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services, Action<AuditOptions>? configure = null)
    {
        AddAuditLogClient(services, configure);
        services.AddHostedService<AuditRetentionSweeper>();
        return services;
    }

    /// <summary>
    /// Adds <see cref="IAuditLog"/> and its options without the retention sweep, for a host that is not a silo (the REST
    /// gateway): it appends and queries through the grains; the silos keep retention.
    /// </summary>
    public static IServiceCollection AddAuditLogClient(this IServiceCollection services, Action<AuditOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddValidatedOptions(configure, o => o.Validate());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditLog, GrainAuditLog>();
        return services;
    }

    /// <summary>
    /// Appends through the <c>maestro.audit</c> stream (<see cref="StreamAuditLog"/>) instead of straight to the day
    /// grains. The cluster needs the default stream provider (<c>MaestroStreams.ProviderName</c>); the host calling this
    /// needs only grains, so the REST gateway uses it too. Call after <see cref="AddAuditLog"/> or <see cref="AddAuditLogClient"/>.
    /// </summary>
    public static IServiceCollection AddAuditStream(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<GrainAuditLog>();
        services.Replace(ServiceDescriptor.Singleton<IAuditLog, StreamAuditLog>());
        return services;
    }
}
