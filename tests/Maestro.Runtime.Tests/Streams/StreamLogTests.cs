using Maestro.Runtime.Sql;
using Maestro.Runtime.Storage.Sqlite;
using Maestro.Runtime.Streams;
using Maestro.Runtime.Tests.Cluster;
using Maestro.Runtime.Tests.Grains;

namespace Maestro.Runtime.Tests.Streams;

/// <summary>
/// The stream log on both backends. F13: the queue checkpoint is fenced by the queue's lease: once another silo has
/// taken the lease (a new epoch), the old owner can move the checkpoint neither forward nor back, and the new owner
/// cannot move it backwards. F14: concurrent appenders to one queue produce gap-free offsets in commit order, so a
/// reader polling meanwhile never skips one.
/// </summary>
public sealed class StreamLogTests(PostgreSqlClusterFixture fixture) : IClassFixture<PostgreSqlClusterFixture>
{
    [Fact]
    public async Task A_stale_owner_cannot_move_the_checkpoint_on_PostgreSql()
    {
        await using var database = SqlDatabases.PostgreSql(await fixture.CreateDatabaseAsync(), "streams-fencing");
        await AssertFencedAsync(database);
    }

    [Fact]
    public async Task A_stale_owner_cannot_move_the_checkpoint_on_Sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "maestro-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var database = SqlDatabases.Sqlite(Path.Combine(folder, "streams.db"), SqliteDurability.Normal, TimeSpan.FromSeconds(5));
            await AssertFencedAsync(database);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Concurrent_appends_to_one_queue_are_gap_free_and_never_skipped_by_a_reader_on_PostgreSql()
    {
        await using var database = SqlDatabases.PostgreSql(await fixture.CreateDatabaseAsync(), "streams-appends");
        await AssertGapFreeAsync(database);
    }

    [Fact]
    public async Task Concurrent_appends_to_one_queue_are_gap_free_and_never_skipped_by_a_reader_on_Sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "maestro-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var database = SqlDatabases.Sqlite(Path.Combine(folder, "streams.db"), SqliteDurability.Normal, TimeSpan.FromSeconds(5));
            await AssertGapFreeAsync(database);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task AssertGapFreeAsync(SqlDatabase database)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var log = new StreamLog(database, "service/appends", queueCount: 1);
        await log.InitializeAsync(cancellation);
        const int writers = 8, batches = 25, batchSize = 4;
        const int total = writers * batches * batchSize;

        var appends = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var stream = StreamId.Create("ns", $"writer-{w}");
            for (var b = 0; b < batches; b++)
            {
                await log.AppendAsync(0, stream, [.. Enumerable.Range(0, batchSize).Select(i => (Guid.NewGuid(), $"{{\"b\":{b},\"i\":{i}}}"))], cancellation);
            }
        }, cancellation)).ToArray();

        // A reader polling while the writers run, as an agent does: every read continues exactly where the last ended.
        var seen = new List<StoredStreamEvent>();
        while (seen.Count < total)
        {
            var batch = await log.ReadAsync(0, seen.Count - 1, 50, cancellation);
            foreach (var item in batch)
            {
                Assert.Equal(seen.Count, item.Sequence);
                seen.Add(item);
            }
        }

        await Task.WhenAll(appends);
        Assert.Empty(await log.ReadAsync(0, total - 1, 50, cancellation));

        // Offsets follow each writer's append order: its n-th event (by its payload) has its n-th offset.
        foreach (var writer in seen.GroupBy(e => e.StreamId))
        {
            var positions = writer.Select(e => System.Text.Json.JsonDocument.Parse(e.Payload).RootElement)
                .Select(p => (p.GetProperty("b").GetInt32() * batchSize) + p.GetProperty("i").GetInt32());
            Assert.Equal(Enumerable.Range(0, batches * batchSize), positions);
        }
    }

    private static async Task AssertFencedAsync(SqlDatabase database)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var log = new StreamLog(database, "service/fenced", queueCount: 2);
        await log.InitializeAsync(cancellation);
        var stream = StreamId.Create("ns", "key");
        Assert.Equal(0, await log.AppendAsync(0, stream, [.. Enumerable.Range(0, 20).Select(i => (Guid.NewGuid(), $"{{\"n\":{i}}}"))], cancellation));
        var queue = StreamLog.QueueResource(0);
        var lease = TimeSpan.FromMilliseconds(300);

        var epochA = await log.Leases.TryAcquireAsync(queue, "silo-a", lease, cancellation) ?? throw new InvalidOperationException("A free lease was refused.");
        Assert.Null(await log.Leases.TryAcquireAsync(queue, "silo-b", lease, cancellation));
        Assert.True(await log.TryCommitCheckpointAsync(0, 5, "silo-a", epochA, cancellation));

        // A stops renewing (paused, partitioned): once its lease runs out on the database clock, B takes the queue.
        long? epochB = null;
        await Probe.Eventually(() => (epochB = log.Leases.TryAcquireAsync(queue, "silo-b", TimeSpan.FromMinutes(1), cancellation).GetAwaiter().GetResult()) is not null, "B acquired the expired lease");
        Assert.True(epochB > epochA);

        Assert.False(await log.TryCommitCheckpointAsync(0, 10, "silo-a", epochA, cancellation));
        Assert.False(await log.TryCommitCheckpointAsync(0, 3, "silo-a", epochA, cancellation));
        Assert.Equal(5, await log.LoadCheckpointAsync(0, cancellation));
        Assert.Empty(await log.Leases.RenewAllAsync("silo-a", lease, cancellation));

        Assert.True(await log.TryCommitCheckpointAsync(0, 10, "silo-b", epochB!.Value, cancellation));
        Assert.False(await log.TryCommitCheckpointAsync(0, 7, "silo-b", epochB.Value, cancellation));
        Assert.Equal(10, await log.LoadCheckpointAsync(0, cancellation));

        // The other queue's checkpoint is independent and untouched.
        Assert.Equal(-1, await log.LoadCheckpointAsync(1, cancellation));
    }
}
