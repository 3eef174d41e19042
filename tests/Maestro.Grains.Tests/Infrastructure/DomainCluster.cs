using Maestro.Grains.Audit;
using Maestro.Grains.Registry;
using Maestro.Runtime.Reminders;
using Maestro.Runtime.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Grains.Tests.Infrastructure;

/// <summary>
/// Starts an in-process silo (real SQLite storage and reminders) with the registry and the audit log, and test-sized
/// settings. With <c>streams</c>, as the silo host runs them: a SQLite stream provider, audit appends through the
/// audit stream and service events on the registry stream (which <see cref="Registry.ServiceEventFollowerGrain"/> records).
/// </summary>
internal static class DomainCluster
{
    public static async Task<InProcessTestCluster> StartAsync(Action<ServiceRegistryOptions>? registry = null, Action<AuditOptions>? audit = null, bool streams = false)
    {
        var builder = new InProcessTestClusterBuilder();
        var data = builder.Options.DataDirectory;
        var cluster = builder
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
                silo.UseSqliteReminderService(o => o.DatabasePath = Path.Combine(data, "reminders.db"));
                if (streams)
                {
                    silo.Services.AddSingleton<Registry.ServiceEventLog>();
                    silo.Services.AddAuditStream().AddServiceEventStream();
                    silo.AddSqliteStreams(Maestro.GrainInterfaces.Events.MaestroStreams.ProviderName, o => o.DatabasePath = Path.Combine(data, "streams.db"));
                }
            })
            .Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>The service events the registry stream delivered (a cluster started with <c>streams</c>).</summary>
    public static Registry.ServiceEventLog StreamedEvents(this InProcessTestCluster cluster) =>
        cluster.ServiceProvider.GetRequiredService<Registry.ServiceEventLog>();

    public static RecordingServiceEventPublisher Events(this InProcessTestCluster cluster) =>
        cluster.ServiceProvider.GetRequiredService<RecordingServiceEventPublisher>();
}
