using Maestro.GrainInterfaces.Registry;

namespace Maestro.Grains.Tests.Registry;

/// <summary>With the silo's stream publisher, every registry change arrives on the <c>maestro.registry.services</c> stream.</summary>
public sealed class ServiceEventStreamTests
{
    [Fact]
    public async Task Registration_expiry_and_return_arrive_on_the_registry_stream_in_order()
    {
        await using var cluster = await DomainCluster.StartAsync(
            o =>
            {
                o.HeartbeatInterval = TimeSpan.FromMilliseconds(300);
                o.HeartbeatTimeout = TimeSpan.FromSeconds(1);
            },
            streams: true);
        var service = cluster.Client.GetGrain<IServiceGrain>("ledger");

        await service.RegisterAsync(Registrations.Of("ledger"));
        await Eventually.WaitForAsync(service.GetAsync, s => s!.Status == ServiceStatus.Expired, "ledger to expire");
        await service.HeartbeatAsync();

        var events = await Eventually.WaitForAsync(
            () => Task.FromResult(cluster.StreamedEvents().Events.Where(e => e.ServiceName == "ledger").ToList()),
            e => e.Count >= 3,
            "three ledger events on the stream");
        Assert.Equal(ServiceEventKind.Registered, events[0].Kind);
        Assert.Equal((ServiceEventKind.StatusChanged, ServiceStatus.Healthy, ServiceStatus.Expired), (events[1].Kind, events[1].From, events[1].To));
        Assert.Equal((ServiceEventKind.StatusChanged, ServiceStatus.Expired, ServiceStatus.Healthy), (events[2].Kind, events[2].From, events[2].To));
        Assert.Equal("heartbeat received", events[2].Reason);
    }
}
