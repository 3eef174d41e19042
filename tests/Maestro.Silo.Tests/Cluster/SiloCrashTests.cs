namespace Maestro.Silo.Tests.Cluster;

/// <summary>
/// F1 (orleans.md §7.9): three silo processes under a writer loop; one is killed with SIGKILL. Its grains come back
/// through the survivors within a bounded wait, and no acknowledged increment is lost or doubled.
/// </summary>
public sealed class SiloCrashTests
{
    private const int Keys = 24;

    [Fact]
    public async Task After_kill_9_the_survivors_take_its_grains_and_every_acknowledged_increment_is_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await SiloCluster.StartAsync(3, ct);
        var keys = Enumerable.Range(0, Keys).Select(i => $"f1-{i}").ToArray();
        var ledger = new CounterLedger();
        var victim = cluster.Silos[2];

        // Make sure the victim hosts some of the counters, so the kill takes grains away.
        foreach (var key in keys)
        {
            ledger.Acknowledge(key, (await cluster.Silos[0].CallCounterValueAsync(key, "Increment", ct)).GetInt64());
        }

        var victimKeys = await KeysHostedByAsync(cluster.Silos[0], keys, victim.Name, ct);
        Assert.NotEmpty(victimKeys);

        var victimDead = 0;
        var writers = CounterWriters.Start(keys, ledger, round =>
        {
            var candidates = Volatile.Read(ref victimDead) == 1 ? cluster.Silos.Take(2).ToArray() : [.. cluster.Silos];
            return candidates[round % candidates.Length];
        });

        await ledger.WaitForTotalAsync(ledger.TotalAcknowledged + (Keys * 3), ct);
        Interlocked.Exchange(ref victimDead, 1);
        await victim.Process.SignalAsync("KILL", ct);
        Assert.NotEqual(0, await victim.Process.WaitForExitAsync(ct));

        // Bounded: the lease (10 s) and the grace period (3 s) run out, the victim is declared dead, its grains move.
        await ledger.WaitUntilEachAdvancesAsync(victimKeys, ct);
        await writers.StopAsync();

        await cluster.WaitUntilAllSeeAsync(2, ct, [.. cluster.Silos.Take(2)]);
        foreach (var key in keys)
        {
            var final = (await cluster.Silos[key.GetHashCode(StringComparison.Ordinal) & 1].CallCounterValueAsync(key, "Get", ct)).GetInt64();
            ledger.AssertConsistent(key, final);
            Assert.NotEqual(victim.Name, (await cluster.Silos[0].CallCounterValueAsync(key, "GetSiloName", ct)).GetString());
        }
    }

    private static async Task<string[]> KeysHostedByAsync(ClusterSilo through, string[] keys, string silo, CancellationToken ct)
    {
        var hosted = new List<string>();
        foreach (var key in keys)
        {
            if ((await through.CallCounterValueAsync(key, "GetSiloName", ct)).GetString() == silo)
            {
                hosted.Add(key);
            }
        }

        return [.. hosted];
    }
}
