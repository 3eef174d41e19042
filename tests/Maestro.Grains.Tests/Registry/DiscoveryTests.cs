using Maestro.GrainInterfaces.Registry;

namespace Maestro.Grains.Tests.Registry;

/// <summary>Discovery through the index grain: by name, tags and status; after a restart and a crash; stale updates.</summary>
public sealed class DiscoveryTests
{
    [Fact]
    public async Task Services_are_found_by_name_by_all_of_their_tags_and_by_status()
    {
        await using var down = await HealthEndpointServer.StartAsync();
        down.Healthy = false;
        await using var cluster = await DomainCluster.StartAsync(o => o.HeartbeatTimeout = TimeSpan.FromMinutes(10));
        var grains = cluster.Client;
        await grains.GetGrain<IServiceGrain>("api-a").RegisterAsync(Registrations.Of("api-a", tags: ["edge", "public"]));
        await grains.GetGrain<IServiceGrain>("api-b").RegisterAsync(Registrations.Of("api-b", tags: ["edge"]));
        await grains.GetGrain<IServiceGrain>("worker").RegisterAsync(Registrations.Of("worker", down.BaseUrl.ToString(), "/health", "batch"));
        var index = grains.GetGrain<IServiceIndexGrain>(IServiceIndexGrain.Key);
        await Eventually.WaitForAsync(() => index.QueryAsync(new ServiceQuery(Status: ServiceStatus.Unhealthy)), e => e.Count == 1, "worker to be unhealthy in the index");

        Assert.Equal(["api-a", "api-b"], (await index.QueryAsync(new ServiceQuery(Tags: ["edge"]))).Select(e => e.Name));
        Assert.Equal(["api-a"], (await index.QueryAsync(new ServiceQuery(Tags: ["edge", "public"]))).Select(e => e.Name));
        Assert.Empty(await index.QueryAsync(new ServiceQuery(Tags: ["edge", "batch"])));
        Assert.Equal(["worker"], (await index.QueryAsync(new ServiceQuery(Status: ServiceStatus.Unhealthy))).Select(e => e.Name));
        Assert.Equal(["api-a", "api-b"], (await index.QueryAsync(new ServiceQuery(Status: ServiceStatus.Healthy))).Select(e => e.Name));
        Assert.Equal(["api-b"], (await index.QueryAsync(new ServiceQuery(Name: "api-b"))).Select(e => e.Name));
        Assert.Equal(["api-a", "api-b", "worker"], (await index.QueryAsync(new ServiceQuery())).Select(e => e.Name));
    }

    [Fact]
    public async Task The_registry_survives_a_silo_restart_and_monitoring_resumes()
    {
        await using var cluster = await DomainCluster.StartAsync(o =>
        {
            o.HeartbeatInterval = TimeSpan.FromSeconds(1);
            o.HeartbeatTimeout = TimeSpan.FromSeconds(2);
        });
        var registered = await cluster.Client.GetGrain<IServiceGrain>("ledger").RegisterAsync(Registrations.Of("ledger", tags: "finance"));

        await cluster.RestartSiloAsync();

        // Only the index is read here: the supervisor, not this test, must wake the service grain after the restart.
        var index = cluster.Client.GetGrain<IServiceIndexGrain>(IServiceIndexGrain.Key);
        var expired = await Eventually.WaitForAsync(
            () => index.QueryAsync(new ServiceQuery(Tags: ["finance"])), e => e.Count == 1 && e[0].Status == ServiceStatus.Expired, "ledger to expire after the restart");
        Assert.Equal("ledger", expired[0].Name);
        var service = await cluster.Client.GetGrain<IServiceGrain>("ledger").GetAsync();
        Assert.NotNull(service);
        Assert.Equal(registered.Service.Registration.BaseUrl, service.Registration.BaseUrl);
        Assert.Equal(registered.Service.RegisteredAt, service.RegisteredAt);
        Assert.Equal([ServiceStatus.Healthy, ServiceStatus.Expired], (await cluster.Client.GetGrain<IServiceGrain>("ledger").GetHistoryAsync()).Select(h => h.To));
    }

    [Fact]
    public async Task An_acknowledged_registration_survives_a_silo_crash()
    {
        await using var cluster = await DomainCluster.StartAsync(o => o.HeartbeatTimeout = TimeSpan.FromMinutes(10));
        await cluster.Client.GetGrain<IServiceGrain>("payments").RegisterAsync(Registrations.Of("payments", tags: "finance"));
        await cluster.Client.GetGrain<IServiceGrain>("refunds").RegisterAsync(Registrations.Of("refunds", tags: "finance"));
        await cluster.Client.GetGrain<IServiceGrain>("refunds").DeregisterAsync();

        await cluster.KillSiloAsync();
        await cluster.DeployAsync();

        var index = cluster.Client.GetGrain<IServiceIndexGrain>(IServiceIndexGrain.Key);
        Assert.Equal(["payments"], (await index.QueryAsync(new ServiceQuery(Tags: ["finance"]))).Select(e => e.Name));
        Assert.Equal(ServiceStatus.Healthy, (await cluster.Client.GetGrain<IServiceGrain>("payments").GetAsync())!.Status);
        Assert.Null(await cluster.Client.GetGrain<IServiceGrain>("refunds").GetAsync());
    }

    [Fact]
    public async Task The_index_ignores_updates_older_than_what_it_has()
    {
        await using var cluster = await DomainCluster.StartAsync();
        var index = cluster.Client.GetGrain<IServiceIndexGrain>(IServiceIndexGrain.Key);
        ServiceIndexEntry Entry(long revision, ServiceStatus status) =>
            new("svc", "1.0.0", "http://127.0.0.1:9", ["t"], status, DateTimeOffset.UnixEpoch, revision);

        await index.UpsertAsync(Entry(5, ServiceStatus.Degraded));
        await index.UpsertAsync(Entry(3, ServiceStatus.Healthy));
        await index.RemoveAsync("svc", 4);
        Assert.Equal(ServiceStatus.Degraded, (await index.QueryAsync(new ServiceQuery("svc"))).Single().Status);

        await index.RemoveAsync("svc", 6);
        await index.UpsertAsync(Entry(6, ServiceStatus.Healthy));
        Assert.Empty(await index.QueryAsync(new ServiceQuery("svc")));

        await index.UpsertAsync(Entry(7, ServiceStatus.Unhealthy));
        Assert.Equal(ServiceStatus.Unhealthy, (await index.QueryAsync(new ServiceQuery("svc"))).Single().Status);
    }
}
