using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Maestro.Runtime.Leases;
using Maestro.Runtime.Sql;
using static Maestro.Runtime.Sql.SqlDatabase;

namespace Maestro.Runtime.Streams;

/// <summary>
/// The SQL side of one stream provider (orleans.md §7.5): a log per queue whose head row serializes appends, explicit
/// subscriptions, a checkpoint per queue that only the queue's current lease holder can move, dead letters and
/// retention. <see cref="Provider"/> is "serviceId/providerName", so services sharing a database stay apart.
/// </summary>
internal sealed class StreamLog(SqlDatabase database, string provider, int queueCount)
{
    /// <summary>Most appends committed in one transaction; bounds how long one group makes its members wait.</summary>
    private const int MaxGroupedAppends = 64;

    private readonly ConcurrentQueue<PendingAppend> pendingAppends = new();

    public SqlDatabase Database { get; } = database;

    public string Provider { get; } = provider;

    public int QueueCount { get; } = queueCount;

    public LeaseTable Leases { get; } = new(database, $"stream:{provider}");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await Database.PrepareSchemaAsync(cancellationToken);
        await using var connection = await Database.OpenAsync(cancellationToken);
        for (var queue = 0; queue < QueueCount; queue++)
        {
            await using var command = Command(
                connection, null, "INSERT INTO stream_queues (provider, queue_id, next_offset) VALUES (@provider, @queue, 0) ON CONFLICT (provider, queue_id) DO NOTHING",
                ("@provider", Provider), ("@queue", (long)queue));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Appends events of one stream in one transaction. Taking the head row first holds it until commit, so appends to a
    /// queue commit in offset order; returns the offset of the first event. On SQLite, whose writers queue up in this
    /// process anyway, the writer whose turn comes commits every append queued meanwhile in the same transaction
    /// (group commit); each is acknowledged only once that transaction committed.
    /// </summary>
    public async Task<long> AppendAsync(int queue, StreamId stream, IReadOnlyList<(Guid EventId, string Payload)> events, CancellationToken cancellationToken)
    {
        var append = new PendingAppend(queue, stream, events);
        pendingAppends.Enqueue(append);
        using (var turn = await Database.EnterWriteAsync(cancellationToken))
        {
            if (!append.Completion.Task.IsCompleted)
            {
                // Without a write queue (PostgreSQL) only this append is taken: row locks let appends to other queues commit in parallel.
                var group = new List<PendingAppend>();
                while (group.Count < (turn is null ? 1 : MaxGroupedAppends) && pendingAppends.TryDequeue(out var next))
                {
                    group.Add(next);
                }

                await CommitAppendsAsync(group, cancellationToken);
            }
        }

        return await append.Completion.Task;
    }

    private async Task CommitAppendsAsync(List<PendingAppend> group, CancellationToken cancellationToken)
    {
        var firsts = new List<long>(group.Count);
        try
        {
            await using var connection = await Database.OpenAsync(cancellationToken);
            await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
            foreach (var append in group)
            {
                firsts.Add(await AppendInTransactionAsync(connection, transaction, append, cancellationToken));
            }

            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            foreach (var append in group)
            {
                append.Completion.TrySetException(ex);
            }

            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            group[i].Completion.TrySetResult(firsts[i]);
        }
    }

    private async Task<long> AppendInTransactionAsync(DbConnection connection, DbTransaction transaction, PendingAppend append, CancellationToken cancellationToken)
    {
        var (queue, stream, events) = (append.Queue, append.StreamId, append.Events);
        long next;
        await using (var head = Command(
            connection, transaction, "UPDATE stream_queues SET next_offset = next_offset + @count WHERE provider = @provider AND queue_id = @queue RETURNING next_offset",
            ("@count", (long)events.Count), ("@provider", Provider), ("@queue", (long)queue)))
        {
            next = Convert.ToInt64(await head.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException($"Queue {queue} of stream provider {Provider} has no head row."), CultureInfo.InvariantCulture);
        }

        var first = next - events.Count;
        const int rowsPerStatement = 100;
        for (var start = 0; start < events.Count; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, events.Count - start);
            var parameters = new List<(string, object?)> { ("@provider", Provider), ("@queue", (long)queue), ("@ns", stream.Namespace), ("@key", stream.Key) };
            var rows = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                rows.Add($"(@provider, @queue, @s{i}, @ns, @key, @e{i}, @p{i}, {Database.NowMilliseconds})");
                parameters.Add(($"@s{i}", first + start + i));
                parameters.Add(($"@e{i}", events[start + i].EventId.ToString("D")));
                parameters.Add(($"@p{i}", events[start + i].Payload));
            }

            await using var insert = Command(
                connection, transaction, "INSERT INTO stream_events (provider, queue_id, seq, stream_ns, stream_key, event_id, payload, created_ms) VALUES " + string.Join(", ", rows),
                [.. parameters]);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return first;
    }

    public async Task<List<StoredStreamEvent>> ReadAsync(int queue, long after, int max, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null,
            "SELECT seq, stream_ns, stream_key, event_id, payload FROM stream_events WHERE provider = @provider AND queue_id = @queue AND seq > @after ORDER BY seq LIMIT @max",
            ("@provider", Provider), ("@queue", (long)queue), ("@after", after), ("@max", (long)max));
        return await ReadEventsAsync(command, cancellationToken);
    }

    /// <summary>The retained events of one stream from <paramref name="from"/> (inclusive) up to the queue's head now, for a rewind.</summary>
    public async Task<List<StoredStreamEvent>> ReadStreamAsync(int queue, StreamId stream, long from, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null,
            "SELECT seq, stream_ns, stream_key, event_id, payload FROM stream_events WHERE provider = @provider AND queue_id = @queue AND seq >= @from AND stream_ns = @ns AND stream_key = @key ORDER BY seq",
            ("@provider", Provider), ("@queue", (long)queue), ("@from", from), ("@ns", stream.Namespace), ("@key", stream.Key));
        return await ReadEventsAsync(command, cancellationToken);
    }

    /// <summary>The first offset still retained in <paramref name="queue"/>: a rewind to an earlier token is refused.</summary>
    public async Task<long> RetainedFromAsync(int queue, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null, "SELECT retained_from FROM stream_queues WHERE provider = @provider AND queue_id = @queue", ("@provider", Provider), ("@queue", (long)queue));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The last offset delivered to every subscription of <paramref name="queue"/>; -1 before the first.</summary>
    public async Task<long> LoadCheckpointAsync(int queue, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null, "SELECT seq FROM stream_checkpoints WHERE provider = @provider AND queue_id = @queue", ("@provider", Provider), ("@queue", (long)queue));
        return await command.ExecuteScalarAsync(cancellationToken) is { } seq and not DBNull ? Convert.ToInt64(seq, CultureInfo.InvariantCulture) : -1;
    }

    /// <summary>
    /// Moves the checkpoint forward to <paramref name="sequence"/> if, in the same statement, <paramref name="owner"/>
    /// still holds the queue's lease at <paramref name="epoch"/>. False means this owner is stale and must stop.
    /// </summary>
    public async Task<bool> TryCommitCheckpointAsync(int queue, long sequence, string owner, long epoch, CancellationToken cancellationToken)
    {
        var sql =
            "INSERT INTO stream_checkpoints (provider, queue_id, seq, lease_epoch, updated_ms) " +
            $"SELECT @provider, @queue, @seq, @epoch, {Database.NowMilliseconds} WHERE {LeaseTable.HeldCondition} " +
            "ON CONFLICT (provider, queue_id) DO UPDATE SET seq = excluded.seq, lease_epoch = excluded.lease_epoch, updated_ms = excluded.updated_ms " +
            "WHERE stream_checkpoints.seq <= excluded.seq AND stream_checkpoints.lease_epoch <= excluded.lease_epoch";
        using var turn = await Database.EnterWriteAsync(cancellationToken);
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null, sql,
            ("@provider", Provider), ("@queue", (long)queue), ("@seq", sequence), ("@epoch", epoch),
            ("@lease_category", Leases.Category), ("@resource", QueueResource(queue)), ("@owner", owner));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task AddSubscriptionAsync(int queue, StoredSubscription subscription, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null,
            "INSERT INTO stream_subscriptions (provider, queue_id, stream_ns, stream_key, subscription_id, grain_id, created_ms) " +
            $"VALUES (@provider, @queue, @ns, @key, @id, @grain, {Database.NowMilliseconds}) ON CONFLICT DO NOTHING",
            ("@provider", Provider), ("@queue", (long)queue), ("@ns", subscription.StreamId.Namespace), ("@key", subscription.StreamId.Key),
            ("@id", subscription.SubscriptionId.ToString("D")), ("@grain", subscription.GrainId.ToString()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RemoveSubscriptionAsync(StreamId stream, Guid subscriptionId, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null, "DELETE FROM stream_subscriptions WHERE provider = @provider AND stream_ns = @ns AND stream_key = @key AND subscription_id = @id",
            ("@provider", Provider), ("@ns", stream.Namespace), ("@key", stream.Key), ("@id", subscriptionId.ToString("D")));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every explicit subscription to streams of <paramref name="queue"/>, read once per delivered batch.</summary>
    public async Task<List<StoredSubscription>> SubscriptionsOfQueueAsync(int queue, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null, "SELECT stream_ns, stream_key, subscription_id, grain_id FROM stream_subscriptions WHERE provider = @provider AND queue_id = @queue ORDER BY created_ms, subscription_id",
            ("@provider", Provider), ("@queue", (long)queue));
        return await ReadSubscriptionsAsync(command, cancellationToken);
    }

    public async Task<List<StoredSubscription>> SubscriptionsOfGrainAsync(StreamId stream, GrainId grain, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null, "SELECT stream_ns, stream_key, subscription_id, grain_id FROM stream_subscriptions WHERE provider = @provider AND stream_ns = @ns AND stream_key = @key AND grain_id = @grain ORDER BY created_ms, subscription_id",
            ("@provider", Provider), ("@ns", stream.Namespace), ("@key", stream.Key), ("@grain", grain.ToString()));
        return await ReadSubscriptionsAsync(command, cancellationToken);
    }

    public async Task AddDeadLetterAsync(int queue, StoredStreamEvent item, Guid subscriptionId, GrainId grain, int attempts, string error, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null,
            "INSERT INTO stream_dead_letters (provider, queue_id, seq, subscription_id, grain_id, stream_ns, stream_key, event_id, payload, attempts, error, dead_ms) " +
            $"VALUES (@provider, @queue, @seq, @subscription, @grain, @ns, @key, @event, @payload, @attempts, @error, {Database.NowMilliseconds}) " +
            "ON CONFLICT (provider, queue_id, seq, subscription_id) DO UPDATE SET attempts = excluded.attempts, error = excluded.error, dead_ms = excluded.dead_ms",
            ("@provider", Provider), ("@queue", (long)queue), ("@seq", item.Sequence), ("@subscription", subscriptionId.ToString("D")), ("@grain", grain.ToString()),
            ("@ns", item.StreamId.Namespace), ("@key", item.StreamId.Key), ("@event", item.EventId.ToString("D")), ("@payload", item.Payload),
            ("@attempts", (long)attempts), ("@error", error));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes events of <paramref name="queue"/> older than <paramref name="retention"/> that the checkpoint has passed,
    /// and records where the retained log now starts. Returns how many were deleted.
    /// </summary>
    public async Task<int> ApplyRetentionAsync(int queue, TimeSpan retention, CancellationToken cancellationToken)
    {
        using var turn = await Database.EnterWriteAsync(cancellationToken);
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var transaction = await Database.BeginWriteAsync(connection, cancellationToken);
        long? last;
        await using (var find = Command(
            connection, transaction,
            $"SELECT max(e.seq) FROM stream_events e WHERE e.provider = @provider AND e.queue_id = @queue AND e.created_ms < {Database.NowMilliseconds} - @retention " +
            "AND e.seq <= COALESCE((SELECT c.seq FROM stream_checkpoints c WHERE c.provider = @provider AND c.queue_id = @queue), -1)",
            ("@provider", Provider), ("@queue", (long)queue), ("@retention", (long)retention.TotalMilliseconds)))
        {
            last = await find.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
        }

        if (last is not { } through)
        {
            return 0;
        }

        int deleted;
        await using (var delete = Command(
            connection, transaction, "DELETE FROM stream_events WHERE provider = @provider AND queue_id = @queue AND seq <= @through",
            ("@provider", Provider), ("@queue", (long)queue), ("@through", through)))
        {
            deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var mark = Command(
            connection, transaction, "UPDATE stream_queues SET retained_from = @from WHERE provider = @provider AND queue_id = @queue AND retained_from < @from",
            ("@provider", Provider), ("@queue", (long)queue), ("@from", through + 1)))
        {
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    public static string QueueResource(int queue) => queue.ToString("D4", CultureInfo.InvariantCulture);

    private static async Task<List<StoredStreamEvent>> ReadEventsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredStreamEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredStreamEvent(reader.GetInt64(0), StreamId.Create(reader.GetString(1), reader.GetString(2)), Guid.Parse(reader.GetString(3)), reader.GetString(4)));
        }

        return events;
    }

    private static async Task<List<StoredSubscription>> ReadSubscriptionsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var subscriptions = new List<StoredSubscription>();
        while (await reader.ReadAsync(cancellationToken))
        {
            subscriptions.Add(new StoredSubscription(StreamId.Create(reader.GetString(0), reader.GetString(1)), Guid.Parse(reader.GetString(2)), GrainId.Parse(reader.GetString(3))));
        }

        return subscriptions;
    }
}
