using Maestro.Runtime.Cluster.PostgreSql;
using Maestro.Runtime.Reminders;
using Maestro.Runtime.Streams;
using Maestro.Runtime.Tests.Cluster;
using Maestro.Runtime.Tests.Streams.Grains;
using Npgsql;

namespace Maestro.Runtime.Tests.Streams;

/// <summary>
/// Two silos on the private PostgreSQL server with the PostgreSQL stream provider and reminder service: the silo that
/// owns a queue (or a reminder bucket) is killed mid-work, and the survivor takes over from the table.
/// </summary>
public sealed class StreamFailoverTests(PostgreSqlClusterFixture fixture) : IClassFixture<PostgreSqlClusterFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Killing_the_silo_that_owns_a_queue_mid_delivery_loses_no_event_and_keeps_each_stream_in_order()
    {
        var recorder = new StreamRecorder();
        var (cluster, database) = await StartAsync(recorder);
        await using var _ = cluster;
        var keys = Enumerable.Range(0, 8).Select(i => $"failover-{i}").ToArray();
        var serviceId = cluster.Silos[0].ServiceProvider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
        var category = $"stream:{serviceId}/{StreamTests.ProviderName}";
        var owners = await WaitForQueueOwnersAsync(category, database);
        var provider = cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<PersistentStreamProvider>(StreamTests.ProviderName);
        var victimName = owners[StreamLog.QueueResource(provider.QueueOf(StreamId.Create(ImplicitConsumerGrain.Namespace, keys[0])))];
        var victim = cluster.Silos.Single(s => s.Name == victimName);
        var survivor = cluster.Silos.Single(s => s.Name != victimName);
        var streams = keys.Select(k => survivor.Client.GetStreamProvider(StreamTests.ProviderName).GetStream<StreamItem>(StreamId.Create(ImplicitConsumerGrain.Namespace, k))).ToArray();

        // Slow consumers, so the kill lands while deliveries are in flight.
        await Task.WhenAll(streams.Select(s => s.OnNextBatchAsync(Enumerable.Range(0, 100).Select(i => new StreamItem(i, HandlingDelayMs: 3)))));
        await WaitAsync(() => recorder.Received.Count >= 100, "deliveries were under way");
        await cluster.KillSiloAsync(victim);
        await Task.WhenAll(streams.Select(s => s.OnNextBatchAsync(Enumerable.Range(100, 50).Select(i => new StreamItem(i)))));

        foreach (var key in keys)
        {
            await WaitAsync(() => recorder.Numbers($"implicit:{key}").Count == 150, $"every event of {key} was delivered");
            var received = recorder.Of($"implicit:{key}");

            // At least once: a redelivered event is the same event (same id and offset), and first deliveries are in order.
            var firsts = received.DistinctBy(r => r.Number).Select(r => r.Number).ToList();
            Assert.Equal(Enumerable.Range(0, 150), firsts);
            Assert.All(received.GroupBy(r => r.Number), copies => Assert.Single(copies.Select(c => (c.EventId, c.Sequence)).Distinct()));
        }

        // The victim's queues now belong to the survivor.
        var after = await WaitForQueueOwnersAsync(category, database, expectedSilos: 1);
        Assert.All(after.Values, owner => Assert.Equal(survivor.Name, owner));
    }

    [Fact]
    public async Task Reminders_keep_ticking_on_the_survivor_after_their_owning_silo_is_killed()
    {
        var recorder = new StreamRecorder();
        var (cluster, _) = await StartAsync(recorder);
        await using var _cluster = cluster;
        var grain = cluster.Silos[0].GrainFactory.GetGrain<IReminderGrain>("failover");
        await grain.Register("beat", TimeSpan.Zero, TimeSpan.FromMilliseconds(300));
        await WaitAsync(() => recorder.Of("reminder:failover:beat").Count >= 2, "the reminder ticked");
        var grainId = grain.GetGrainId();
        InProcessSilo? owner = null;
        await WaitAsync(() => (owner = cluster.Silos.SingleOrDefault(s => s.ServiceProvider.GetRequiredService<ReminderService>().OwnsRemindersOf(grainId))) is not null, "one silo owns the reminder's bucket");
        var survivor = cluster.Silos.Single(s => s != owner);

        await cluster.KillSiloAsync(owner!);
        var ticksAtKill = recorder.Of("reminder:failover:beat").Count;

        await WaitAsync(() => survivor.ServiceProvider.GetRequiredService<ReminderService>().OwnsRemindersOf(grainId), "the survivor took the bucket");
        await WaitAsync(() => recorder.Of("reminder:failover:beat").Count >= ticksAtKill + 3, "three ticks after the kill");
        Assert.Contains(recorder.Of("reminder:failover:beat").Skip(ticksAtKill), t => t.Silo == survivor.Name);
    }

    private async Task<(InProcessMultiSiloCluster Cluster, string Database)> StartAsync(StreamRecorder recorder)
    {
        var database = await fixture.CreateDatabaseAsync();
        var builder = new InProcessTestClusterBuilder().ConfigureSilo(silo =>
        {
            silo.Services.AddSingleton(recorder);
            silo.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(10));
            silo.Configure<PostgreSqlClusteringOptions>(o =>
            {
                o.LeaseDuration = TimeSpan.FromSeconds(2);
                o.HeartbeatPeriod = TimeSpan.FromMilliseconds(400);
                o.SweepPeriod = TimeSpan.FromMilliseconds(400);
                o.DeathGracePeriod = TimeSpan.FromMilliseconds(500);
            });
            silo.AddPostgreSqlStreams(StreamTests.ProviderName, o =>
            {
                o.ConnectionString = database;
                o.QueueCount = 4;
                o.LeaseDuration = TimeSpan.FromSeconds(2);
                o.LeaseRenewPeriod = TimeSpan.FromMilliseconds(300);
                o.RetryBackoff = TimeSpan.FromMilliseconds(20);
                o.MaxRetryBackoff = TimeSpan.FromMilliseconds(300);
            });
            silo.UsePostgreSqlReminderService(o => o.ConnectionString = database);
            silo.Configure<ReminderOptions>(o =>
            {
                o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(100);
                o.RefreshReminderListPeriod = TimeSpan.FromMilliseconds(500);
                o.ReminderBuckets = 4;
                o.LeaseDuration = TimeSpan.FromSeconds(2);
                o.LeaseRenewPeriod = TimeSpan.FromMilliseconds(300);
            });
        });
        builder.Options.ClusterId = PostgreSqlClusterFixture.NewClusterId();
        var cluster = builder.BuildMultiSilo(database, silos: 2);
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return (cluster, database);
    }

    /// <summary>The live queue leases of the provider, queue → silo name, once they are spread over <paramref name="expectedSilos"/> silos.</summary>
    private static async Task<Dictionary<string, string>> WaitForQueueOwnersAsync(string category, string database, int expectedSilos = 2)
    {
        Dictionary<string, string> owners = [];
        await WaitAsync(
            () =>
            {
                owners = ReadOwners(database, category);
                return owners.Count == 4 && owners.Values.Distinct().Count() == expectedSilos;
            },
            $"the 4 queues were leased by {expectedSilos} silos");
        return owners;
    }

    private static Dictionary<string, string> ReadOwners(string database, string category)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand(
            "SELECT resource, owner FROM leases WHERE category = $1 AND expires_ms > (extract(epoch from clock_timestamp()) * 1000)::bigint", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = category });
        using var reader = command.ExecuteReader();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            owners[reader.GetString(0)] = reader.GetString(1).Split('/')[0];
        }

        return owners;
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Limit);
        while (!condition())
        {
            Assert.False(timeout.IsCancellationRequested, $"Timed out after {Limit} waiting until {what}.");
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
