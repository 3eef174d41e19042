using Maestro.GrainInterfaces.Registry;

namespace Maestro.Grains.Tests.Registry;

/// <summary>Registration, heartbeats with a TTL, expiry and coming back, deregistration, and the events they publish.</summary>
public sealed class HeartbeatExpiryTests
{
    [Fact]
    public async Task A_service_without_heartbeats_expires_and_a_heartbeat_brings_it_back()
    {
        await using var cluster = await DomainCluster.StartAsync(o =>
        {
            o.HeartbeatInterval = TimeSpan.FromMilliseconds(300);
            o.HeartbeatTimeout = TimeSpan.FromSeconds(1);
        });
        var service = cluster.Client.GetGrain<IServiceGrain>("billing");
        var index = cluster.Client.GetGrain<IServiceIndexGrain>(IServiceIndexGrain.Key);

        var registered = await service.RegisterAsync(Registrations.Of("billing", tags: "payments"));

        Assert.True(registered.Created);
        Assert.Equal(ServiceStatus.Healthy, registered.Service.Status);
        Assert.Equal(registered.Service.LastHeartbeat + TimeSpan.FromSeconds(1), registered.Service.ExpiresAt);
        await Eventually.WaitForAsync(service.GetAsync, s => s!.Status == ServiceStatus.Expired, "billing to expire");
        var indexed = await Eventually.WaitForAsync(
            () => index.QueryAsync(new ServiceQuery(Name: "billing")), e => e.Single().Status == ServiceStatus.Expired, "the index to show billing expired");
        Assert.Equal(["payments"], indexed.Single().Tags);

        var ack = await service.HeartbeatAsync();

        Assert.NotNull(ack);
        Assert.Equal(ServiceStatus.Healthy, ack.Status);
        Assert.Equal(ack.NextHeartbeatDue + TimeSpan.FromMilliseconds(700), ack.ExpiresAt);
        var history = await service.GetHistoryAsync();
        Assert.Equal([ServiceStatus.Healthy, ServiceStatus.Expired, ServiceStatus.Healthy], history.Take(3).Select(h => h.To));
        Assert.Null(history[0].From);
        Assert.Equal("heartbeat received", history[2].Reason);
        var events = cluster.Events().Events.Where(e => e.ServiceName == "billing").ToList();
        Assert.Equal(ServiceEventKind.Registered, events[0].Kind);
        Assert.Contains(events, e => e.Kind == ServiceEventKind.StatusChanged && e.To == ServiceStatus.Expired);
        Assert.Contains(events, e => e.Kind == ServiceEventKind.StatusChanged && e is { From: ServiceStatus.Expired, To: ServiceStatus.Healthy });
    }

    [Fact]
    public async Task Deregistering_removes_the_service_from_the_grain_and_the_index()
    {
        await using var cluster = await DomainCluster.StartAsync();
        var service = cluster.Client.GetGrain<IServiceGrain>("orders");
        var index = cluster.Client.GetGrain<IServiceIndexGrain>(IServiceIndexGrain.Key);
        await service.RegisterAsync(Registrations.Of("orders"));

        Assert.True(await service.DeregisterAsync());

        Assert.Null(await service.GetAsync());
        Assert.Null(await service.HeartbeatAsync());
        Assert.False(await service.DeregisterAsync());
        Assert.Empty(await index.QueryAsync(new ServiceQuery()));
        Assert.Contains(cluster.Events().Events, e => e is { ServiceName: "orders", Kind: ServiceEventKind.Deregistered });
    }

    [Fact]
    public async Task Re_registering_keeps_the_registration_time_and_replaces_the_rest()
    {
        await using var cluster = await DomainCluster.StartAsync();
        var service = cluster.Client.GetGrain<IServiceGrain>("search");
        var first = await service.RegisterAsync(Registrations.Of("search", tags: "old"));

        var second = await service.RegisterAsync(Registrations.Of("search", "http://127.0.0.1:8081", null, "new") with { Version = "2.0.0" });

        Assert.False(second.Created);
        Assert.Equal(first.Service.RegisteredAt, second.Service.RegisteredAt);
        Assert.Equal("2.0.0", second.Service.Registration.Version);
        Assert.Equal(8081, second.Service.Registration.Port);
        var indexed = Assert.Single(await cluster.Client.GetGrain<IServiceIndexGrain>(IServiceIndexGrain.Key).QueryAsync(new ServiceQuery(Tags: ["new"])));
        Assert.Equal("2.0.0", indexed.Version);
    }

    [Fact]
    public async Task A_service_grain_refuses_an_invalid_registration_or_one_for_another_name()
    {
        await using var cluster = await DomainCluster.StartAsync();
        var service = cluster.Client.GetGrain<IServiceGrain>("inventory");

        var wrongName = await Assert.ThrowsAsync<ArgumentException>(() => service.RegisterAsync(Registrations.Of("catalog")));
        var badVersion = await Assert.ThrowsAsync<ArgumentException>(() => service.RegisterAsync(Registrations.Of("inventory") with { Version = "one" }));

        Assert.Contains("'catalog'", wrongName.Message, StringComparison.Ordinal);
        Assert.Contains("version", badVersion.Message, StringComparison.Ordinal);
        Assert.Null(await service.GetAsync());
    }
}
