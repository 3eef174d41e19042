using Npgsql;

namespace Maestro.Silo.Tests.Cluster;

/// <summary>
/// F11 and F12 (orleans.md §7.9) with real silo processes on PostgreSQL: SIGKILL the silo that owns a stream queue
/// while its events are being delivered, or the one that owns a reminder's bucket; the survivors take the leases over
/// and nothing is lost. Leases are shortened through the silo's configuration ("Streams" and "Reminders" sections).
/// </summary>
public sealed class StreamAndReminderFailoverTests
{
    private static readonly Dictionary<string, string> ShortLeases = new()
    {
        ["Streams__LeaseDuration"] = "00:00:03",
        ["Streams__LeaseRenewPeriod"] = "00:00:00.500",
        ["Streams__RetryBackoff"] = "00:00:00.050",
        ["Streams__MaxRetryBackoff"] = "00:00:00.500",
        ["Reminders__MinimumReminderPeriod"] = "00:00:01",
        ["Reminders__RefreshReminderListPeriod"] = "00:00:01",
        ["Reminders__LeaseDuration"] = "00:00:03",
        ["Reminders__LeaseRenewPeriod"] = "00:00:00.500",
    };

    [Fact]
    public async Task Killing_the_silo_that_owns_a_stream_queue_mid_delivery_loses_no_event()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await SiloCluster.StartAsync(3, ct, ShortLeases);
        var keys = Enumerable.Range(0, 4).Select(i => $"orders-{i}").ToArray();
        foreach (var key in keys)
        {
            Assert.Equal(150, (await cluster.Silos[0].CallGrainValueAsync("ITestStreamProducerGrain", $"{key}|0|150", "Publish", ct)).GetInt32());
        }

        var victimName = await WaitForOwnerAsync(cluster.ConnectionString, "stream:svc-cluster/Default",
            "SELECT lpad(queue_id::text, 4, '0') FROM stream_events WHERE stream_key = $1 LIMIT 1", keys[0], ct);
        var victim = cluster.Silos.Single(s => s.Name == victimName);
        var survivors = cluster.Silos.Where(s => s != victim).ToArray();
        await WaitUntilAsync(async () => (await DeliveriesAsync(survivors[0], keys[0], ct)).Count >= 20, "deliveries of the first stream were under way", ct);

        await victim.Process.SignalAsync("KILL", ct);
        Assert.NotEqual(0, await victim.Process.WaitForExitAsync(ct));
        foreach (var key in keys)
        {
            await RetryAsync(() => survivors[0].CallGrainValueAsync("ITestStreamProducerGrain", $"{key}|150|50", "Publish", ct), ct);
        }

        foreach (var key in keys)
        {
            List<(int Number, string EventId)> deliveries = [];
            await WaitUntilAsync(async () => (deliveries = await DeliveriesAsync(survivors[1], key, ct)).Select(d => d.Number).Distinct().Count() == 200, $"all 200 events of {key} were delivered", ct);

            // At least once, in order: first deliveries run 0..199, and a redelivery carries the original's event id.
            Assert.Equal(Enumerable.Range(0, 200), deliveries.DistinctBy(d => d.Number).Select(d => d.Number));
            Assert.All(deliveries.GroupBy(d => d.Number), copies => Assert.Single(copies.Select(c => c.EventId).Distinct()));
        }
    }

    [Fact]
    public async Task Reminders_tick_on_a_survivor_after_their_owning_silo_is_killed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await SiloCluster.StartAsync(2, ct, ShortLeases);
        await cluster.Silos[0].CallGrainValueAsync("ITestReminderGrain", "beat", "Start", ct);
        await WaitUntilAsync(async () => (await TicksAsync(cluster.Silos[0], ct)).Count >= 2, "the reminder ticked", ct);

        var ownerName = await WaitForOwnerAsync(cluster.ConnectionString, "reminders:svc-cluster",
            "SELECT lpad(bucket::text, 4, '0') FROM reminders WHERE grain_id LIKE '%/' || $1", "beat", ct);
        var owner = cluster.Silos.Single(s => s.Name == ownerName);
        var survivor = cluster.Silos.Single(s => s != owner);
        await owner.Process.SignalAsync("KILL", ct);
        Assert.NotEqual(0, await owner.Process.WaitForExitAsync(ct));
        var ticksAtKill = (await RetryAsync(() => TicksAsync(survivor, ct), ct)).Count;

        await WaitUntilAsync(async () => (await TicksAsync(survivor, ct)).Count >= ticksAtKill + 3, "three ticks after the kill", ct);
        Assert.Equal(survivor.Name, await WaitForOwnerAsync(cluster.ConnectionString, "reminders:svc-cluster",
            "SELECT lpad(bucket::text, 4, '0') FROM reminders WHERE grain_id LIKE '%/' || $1", "beat", ct));
    }

    private static async Task<List<(int Number, string EventId)>> DeliveriesAsync(ClusterSilo through, string key, CancellationToken ct)
    {
        var value = await through.CallGrainValueAsync("ITestStreamConsumerGrain", key, "GetDeliveries", ct);
        return [.. value.EnumerateArray().Select(e => e.GetString()!.Split(':')).Select(p => (int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p[1]))];
    }

    private static async Task<List<string>> TicksAsync(ClusterSilo through, CancellationToken ct) =>
        [.. (await through.CallGrainValueAsync("ITestReminderGrain", "beat", "GetTicks", ct)).EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>The silo holding the live lease on the resource <paramref name="resourceSql"/> finds for <paramref name="argument"/>.</summary>
    private static async Task<string> WaitForOwnerAsync(string connectionString, string category, string resourceSql, string argument, CancellationToken ct)
    {
        string? owner = null;
        await WaitUntilAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(
                $"SELECT owner FROM leases WHERE category = $2 AND resource = ({resourceSql}) AND expires_ms > (extract(epoch from clock_timestamp()) * 1000)::bigint", connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = argument });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = category });
            owner = await command.ExecuteScalarAsync(ct) as string;
            return owner is not null;
        }, $"a live lease in {category} for {argument}", ct);
        return owner!.Split('/')[0];
    }

    /// <summary>Retries while the cluster is still moving grains off the dead silo (503s, timeouts).</summary>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline && !ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        while (!await RetryAsync(condition, ct))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {SiloProcess.Patience} waiting until {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }
}
