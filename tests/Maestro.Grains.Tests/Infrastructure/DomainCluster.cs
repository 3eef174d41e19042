using Maestro.Grains.Audit;
using Maestro.Grains.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Grains.Tests.Infrastructure;

/// <summary>Starts an in-process silo (real SQLite storage) with the registry and the audit log, and test-sized settings.</summary>
internal static class DomainCluster
{
    public static async Task<InProcessTestCluster> StartAsync(Action<ServiceRegistryOptions>? registry = null, Action<AuditOptions>? audit = null)
    {
        var cluster = new InProcessTestClusterBuilder()
            .ConfigureSilo(silo =>
            {
                silo.Services.AddSingleton<RecordingServiceEventPublisher>();
                silo.Services.AddSingleton<IServiceEventPublisher>(sp => sp.GetRequiredService<RecordingServiceEventPublisher>());
                silo.Services.AddServiceRegistry(o =>
                {
                    o.SupervisorPeriod = TimeSpan.FromMilliseconds(200);
                    o.ExpiryCheckPeriod = TimeSpan.FromMilliseconds(100);
                    o.ProbeInterval = TimeSpan.FromMilliseconds(100);
                    o.ProbeRetryDelay = TimeSpan.FromMilliseconds(20);
                    o.BreakerBreakDuration = TimeSpan.FromMilliseconds(500);
                    registry?.Invoke(o);
                });
                silo.Services.AddAuditLog(audit);
            })
            .Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static RecordingServiceEventPublisher Events(this InProcessTestCluster cluster) =>
        cluster.ServiceProvider.GetRequiredService<RecordingServiceEventPublisher>();
}
