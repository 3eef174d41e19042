using Maestro.GrainInterfaces.Registry;
using Maestro.Grains.Registry;
using Microsoft.Extensions.Options;

namespace Maestro.Grains.Tests.Registry;

/// <summary>Active probes against real HTTP endpoints on 127.0.0.1: up, down, back, slow, unreachable, and the breaker.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task A_probed_service_goes_unhealthy_when_its_endpoint_fails_and_healthy_when_it_recovers()
    {
        await using var endpoint = await HealthEndpointServer.StartAsync();
        await using var cluster = await DomainCluster.StartAsync(o =>
        {
            o.HeartbeatTimeout = TimeSpan.FromMinutes(10);
            o.HeartbeatInterval = TimeSpan.FromMinutes(5);
            o.DegradedLatency = TimeSpan.FromSeconds(30);
            o.ProbeRetries = 1;
            o.BreakerFailureThreshold = 2;
        });
        var service = cluster.Client.GetGrain<IServiceGrain>("checkout");
        await service.RegisterAsync(Registrations.Of("checkout", endpoint.BaseUrl.ToString(), "/health"));
        await Eventually.WaitForAsync(service.GetAsync, s => s!.LastProbe?.Status == ServiceStatus.Healthy, "a healthy probe");

        endpoint.Healthy = false;
        var down = (await Eventually.WaitForAsync(service.GetAsync, s => s!.Status == ServiceStatus.Unhealthy, "checkout to be unhealthy"))!;
        endpoint.Healthy = true;
        var up = (await Eventually.WaitForAsync(service.GetAsync, s => s!.Status == ServiceStatus.Healthy, "checkout to recover"))!;

        Assert.Equal(ServiceStatus.Unhealthy, down.LastProbe!.Status);
        Assert.Equal(200, up.LastProbe!.HttpStatus);
        Assert.Null(up.LastProbe.Error);
        var history = await service.GetHistoryAsync();
        var unhealthy = history.ToList().FindIndex(h => h.To == ServiceStatus.Unhealthy);
        Assert.True(unhealthy > 0, "the history records the change to unhealthy");
        Assert.Equal(ServiceStatus.Healthy, history[unhealthy].From);
        Assert.StartsWith("probe: ", history[unhealthy].Reason, StringComparison.Ordinal);
        var recovered = history.Skip(unhealthy + 1).First(h => h.To == ServiceStatus.Healthy);
        Assert.Equal(ServiceStatus.Unhealthy, recovered.From);
        Assert.StartsWith("probe: HTTP 200", recovered.Reason, StringComparison.Ordinal);
        var indexed = Assert.Single(await cluster.Client.GetGrain<IServiceIndexGrain>(IServiceIndexGrain.Key).QueryAsync(new ServiceQuery("checkout")));
        Assert.Equal(ServiceStatus.Healthy, indexed.Status);
    }

    [Fact]
    public async Task A_slow_answer_makes_the_service_degraded()
    {
        await using var endpoint = await HealthEndpointServer.StartAsync();
        endpoint.Delay = TimeSpan.FromMilliseconds(300);
        await using var cluster = await DomainCluster.StartAsync(o =>
        {
            o.HeartbeatTimeout = TimeSpan.FromMinutes(10);
            o.DegradedLatency = TimeSpan.FromMilliseconds(50);
        });
        var service = cluster.Client.GetGrain<IServiceGrain>("reports");

        await service.RegisterAsync(Registrations.Of("reports", endpoint.BaseUrl.ToString(), "/health"));

        var degraded = (await Eventually.WaitForAsync(service.GetAsync, s => s!.Status == ServiceStatus.Degraded, "reports to be degraded"))!;
        Assert.Equal(200, degraded.LastProbe!.HttpStatus);
        Assert.True(degraded.LastProbe.LatencyMs >= 300);
    }

    [Fact]
    public async Task A_service_nobody_listens_for_is_unhealthy_with_the_connection_error()
    {
        var closedPort = FreePort();
        await using var cluster = await DomainCluster.StartAsync(o => o.HeartbeatTimeout = TimeSpan.FromMinutes(10));
        var service = cluster.Client.GetGrain<IServiceGrain>("ghost");

        await service.RegisterAsync(Registrations.Of("ghost", $"http://127.0.0.1:{closedPort}", "/health"));

        var ghost = (await Eventually.WaitForAsync(service.GetAsync, s => s!.Status == ServiceStatus.Unhealthy, "ghost to be unhealthy"))!;
        Assert.Null(ghost.LastProbe!.HttpStatus);
        Assert.NotNull(ghost.LastProbe.Error);
    }

    [Fact]
    public async Task The_breaker_opens_after_the_failure_threshold_and_then_probes_without_a_request()
    {
        await using var endpoint = await HealthEndpointServer.StartAsync();
        endpoint.Healthy = false;
        var options = new ServiceRegistryOptions { ProbeRetries = 0, BreakerFailureThreshold = 2, BreakerBreakDuration = TimeSpan.FromMinutes(5) };
        using var factory = new ServiceProbeFactory(Options.Create(options), TimeProvider.System);
        var probe = factory.Create();
        var url = new Uri(endpoint.BaseUrl, "/health");
        var ct = TestContext.Current.CancellationToken;

        var first = await probe.ProbeAsync(url, ct);
        var second = await probe.ProbeAsync(url, ct);
        var third = await probe.ProbeAsync(url, ct);

        Assert.Equal((ServiceStatus.Unhealthy, 503), (first.Status, first.HttpStatus));
        Assert.Equal((ServiceStatus.Unhealthy, 503), (second.Status, second.HttpStatus));
        Assert.Equal(ServiceStatus.Unhealthy, third.Status);
        Assert.StartsWith("circuit open", third.Error, StringComparison.Ordinal);
        Assert.Equal(2, endpoint.Hits);
    }

    [Fact]
    public async Task Retries_turn_a_passing_failure_into_a_healthy_probe()
    {
        await using var endpoint = await HealthEndpointServer.StartAsync();
        var options = new ServiceRegistryOptions { ProbeRetries = 2, ProbeRetryDelay = TimeSpan.FromMilliseconds(10), DegradedLatency = TimeSpan.FromSeconds(30) };
        using var factory = new ServiceProbeFactory(Options.Create(options), TimeProvider.System);
        var probe = factory.Create();
        endpoint.FailFirst = 2;

        var result = await probe.ProbeAsync(new Uri(endpoint.BaseUrl, "/health"), TestContext.Current.CancellationToken);

        Assert.Equal(ServiceStatus.Healthy, result.Status);
        Assert.Equal(3, endpoint.Hits);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
