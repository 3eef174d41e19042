namespace Maestro.Silo.Tests.Cluster;

/// <summary>
/// F4 (orleans.md §7.9): the cluster's PostgreSQL server crashes (<c>pg_ctl stop -m immediate</c>) under a writer loop
/// through three silo processes. Whether it comes back at once or only after every lease has run out, the cluster
/// recovers without anyone touching it: every counter is served again, no silo is declared dead for the database's
/// absence, and no acknowledged increment is lost or doubled. While its lease is out a silo serves nothing (it says
/// so on /health and in a 503), so nobody reads state the cluster may already have given away.
/// </summary>
public sealed class DatabaseOutageTests
{
    private const int Keys = 18;

    [Fact]
    public async Task After_PostgreSQL_crashes_and_restarts_under_load_the_cluster_recovers_by_itself_and_keeps_every_acknowledged_write()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await SiloCluster.StartAsync(3, ct);
        var (keys, ledger, writers) = await StartWritersAsync(cluster, "f4-restart", ct);

        await cluster.Database.RestartAsync();

        await ledger.WaitUntilEachAdvancesAsync(keys, ct);
        await writers.StopAsync();
        await AssertRecoveredAsync(cluster, keys, ledger, ct);
    }

    [Fact]
    public async Task While_PostgreSQL_is_down_for_longer_than_a_lease_the_silos_stop_serving_and_afterwards_all_of_them_resume()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await SiloCluster.StartAsync(3, ct);
        var (keys, ledger, writers) = await StartWritersAsync(cluster, "f4-outage", ct);

        await cluster.Database.StopAsync();
        try
        {
            // Bounded: the lease is 10 s; each silo notices at its next heartbeat after that.
            foreach (var silo in cluster.Silos)
            {
                await WaitForClusterStatusAsync(silo, "LeaseExpired", ct);
            }

            using var refused = await cluster.Silos[0].CallCounterAsync(keys[0], "Get", ct);
            var body = await refused.Content.ReadAsStringAsync(ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains("could not renew its membership lease", body, StringComparison.Ordinal);
        }
        finally
        {
            await cluster.Database.StartAsync();
        }

        await ledger.WaitUntilEachAdvancesAsync(keys, ct);
        await writers.StopAsync();
        await AssertRecoveredAsync(cluster, keys, ledger, ct);
    }

    private static async Task<(string[] Keys, CounterLedger Ledger, CounterWriters Writers)> StartWritersAsync(
        SiloCluster cluster, string prefix, CancellationToken ct)
    {
        var keys = Enumerable.Range(0, Keys).Select(i => $"{prefix}-{i}").ToArray();
        var ledger = new CounterLedger();
        var writers = CounterWriters.Start(keys, ledger, round => cluster.Silos[round % cluster.Silos.Count]);
        await ledger.WaitForTotalAsync(Keys * 3, ct);
        return (keys, ledger, writers);
    }

    /// <summary>All three silos still Active members (none was declared dead), and every counter holds what was acknowledged.</summary>
    private static async Task AssertRecoveredAsync(SiloCluster cluster, string[] keys, CounterLedger ledger, CancellationToken ct)
    {
        await cluster.WaitUntilAllSeeAsync(3, ct);
        foreach (var silo in cluster.Silos)
        {
            await WaitForClusterStatusAsync(silo, "Active", ct);
        }

        foreach (var key in keys)
        {
            ledger.AssertConsistent(key, (await cluster.Silos[1].CallCounterValueAsync(key, "Get", ct)).GetInt64());
        }
    }

    private static async Task WaitForClusterStatusAsync(ClusterSilo silo, string status, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        while (true)
        {
            var health = await silo.GetJsonAsync("/health", ct);
            if (health.GetProperty("cluster").GetProperty("status").GetString() == status)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{silo.Name} did not report cluster status {status} within {SiloProcess.Patience}: {health}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }
}
