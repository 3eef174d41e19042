using Maestro.Client;
using Maestro.Runtime;
using Maestro.TestGrains;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Silo.Tests.Client;

/// <summary>
/// A client in this test process connected to real silo processes on a private PostgreSQL: it keeps working when its
/// gateway silo is killed with SIGKILL, and it learns of a silo that joined after it connected.
/// </summary>
public sealed class GatewayFailoverTests
{
    [Fact]
    public async Task After_its_gateway_silo_is_killed_9_the_client_calls_through_another_gateway_and_no_acknowledged_increment_is_lost()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await SiloCluster.StartAsync(3, ct);
        await using var client = await ConnectedClusterClient.ConnectAsync(c => c.UseStaticClustering(cluster.Silos[0].Gateway.ToString()), ct);
        var gateways = client.ServiceProvider.GetRequiredService<IGatewayStatus>();

        // Configured with one gateway, the client learned the other two from it on connecting.
        Assert.Equal(
            cluster.Silos.Select(s => s.Gateway.ToString()).Order(StringComparer.Ordinal),
            gateways.KnownGateways.Select(g => g.ToString()).Order(StringComparer.Ordinal));

        // The management grain answers from the gateway silo's membership view.
        var hosts = await client.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true);
        Assert.Equal(cluster.Silos.Select(s => s.Name).Order(StringComparer.Ordinal), hosts.Select(h => h.Name).Order(StringComparer.Ordinal));
        Assert.All(hosts, h => Assert.Contains(h.Gateway, cluster.Silos.Select(s => s.Gateway.ToString())));

        var keys = Enumerable.Range(0, 12).Select(i => $"gateway-failover-{i}").ToArray();
        var ledger = new CounterLedger();
        foreach (var key in keys)
        {
            ledger.Acknowledge(key, await client.GetGrain<ITestCounterGrain>(key).Increment());
        }

        var victim = cluster.Silos.Single(s => s.Gateway == gateways.CurrentGateway);
        await victim.Process.SignalAsync("KILL", ct);
        Assert.NotEqual(0, await victim.Process.WaitForExitAsync(ct));

        // Each counter is incremented until one increment is acknowledged after the kill: the grains of the dead silo
        // come back once the cluster declares it dead (lease 10 s + grace 3 s), the others at once.
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        foreach (var key in keys)
        {
            var before = ledger.Acknowledged(key).Count;
            while (ledger.Acknowledged(key).Count == before)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Counter {key} was not served again within {SiloProcess.Patience}.{Environment.NewLine}{ledger.Failures}");
                try
                {
                    ledger.Acknowledge(key, await client.GetGrain<ITestCounterGrain>(key).Increment());
                }
                catch (OrleansException ex)
                {
                    // SiloUnavailableException: it did not run. Any other OrleansException: the outcome is unknown.
                    ledger.Fail(key, $"{ex.GetType().Name}: {ex.Message}");
                    await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
                }
            }
        }

        Assert.NotNull(gateways.CurrentGateway);
        Assert.NotEqual(victim.Gateway, gateways.CurrentGateway);
        foreach (var key in keys)
        {
            var grain = client.GetGrain<ITestCounterGrain>(key);
            ledger.AssertConsistent(key, await grain.Get());
            Assert.NotEqual(victim.Name, await grain.GetSiloName());
        }
    }

    [Fact]
    public async Task The_client_learns_of_a_silo_that_joined_after_it_connected_and_uses_it_when_its_first_gateway_dies()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await SiloCluster.StartAsync(1, ct);
        var first = cluster.Silos[0];
        await using var client = await ConnectedClusterClient.ConnectAsync(
            c => c.UseStaticClustering(first.Gateway.ToString()).Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromMilliseconds(500)),
            ct);
        var gateways = client.ServiceProvider.GetRequiredService<IGatewayStatus>();
        Assert.Equal([first.Gateway], gateways.KnownGateways);

        var joined = await cluster.StartAdditionalSiloAsync(ct);
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        while (!gateways.KnownGateways.Contains(joined.Gateway))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The client did not learn of {joined.Gateway} within {SiloProcess.Patience}; it knows {string.Join(", ", gateways.KnownGateways)}.");
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }

        await first.Process.SignalAsync("KILL", ct);
        await first.Process.WaitForExitAsync(ct);

        // Only the joined silo was never configured: reaching a grain now proves the refreshed list is used.
        var grain = client.GetGrain<ITestCounterGrain>("joined-later");
        string? servedBy = null;
        while (servedBy is null)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No call succeeded through {joined.Gateway} within {SiloProcess.Patience}.");
            try
            {
                servedBy = await grain.GetSiloName();
            }
            catch (OrleansException)
            {
                // Placement may still pick the killed silo until the cluster declares it dead.
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
        }

        Assert.Equal(joined.Name, servedBy);
        Assert.Equal(joined.Gateway, gateways.CurrentGateway);
    }
}
