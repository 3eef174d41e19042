using static Maestro.Runtime.Sql.SqlDatabase;

namespace Maestro.Runtime.Streams;

/// <summary>
/// The queues of every stream provider on this silo with their owners, lag and dead letters, read from the stream
/// tables (two queries per provider, whatever the number of queues). Registered whenever streams are.
/// </summary>
public sealed class StreamQueueListing
{
    private readonly PersistentStreamProvider[] providers;

    internal StreamQueueListing(IEnumerable<PersistentStreamProvider> providers)
    {
        this.providers = [.. providers];
    }

    public async Task<IReadOnlyList<StreamQueueStatus>> ReadAsync(CancellationToken cancellationToken)
    {
        var queues = new List<StreamQueueStatus>();
        foreach (var provider in providers)
        {
            var log = provider.Log;
            var owners = await ReadOwnersAsync(log, cancellationToken);
            await using var connection = await log.Database.OpenAsync(cancellationToken);
            await using var command = Command(
                connection, null,
                "SELECT q.queue_id, q.next_offset, COALESCE(c.seq, -1), " +
                "(SELECT count(*) FROM stream_dead_letters d WHERE d.provider = q.provider AND d.queue_id = q.queue_id) " +
                "FROM stream_queues q LEFT JOIN stream_checkpoints c ON c.provider = q.provider AND c.queue_id = q.queue_id " +
                "WHERE q.provider = @provider ORDER BY q.queue_id",
                ("@provider", log.Provider));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var queue = (int)reader.GetInt64(0);
                var last = reader.GetInt64(1) - 1;
                var checkpoint = reader.GetInt64(2);
                queues.Add(new StreamQueueStatus(
                    provider.Name, queue, owners.GetValueOrDefault(StreamLog.QueueResource(queue)), last, checkpoint, Math.Max(0, last - checkpoint), reader.GetInt64(3)));
            }
        }

        return queues;
    }

    /// <summary>The running leases of the provider's queues, by queue resource name.</summary>
    private static async Task<Dictionary<string, string>> ReadOwnersAsync(StreamLog log, CancellationToken cancellationToken)
    {
        await using var connection = await log.Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null, $"SELECT resource, owner FROM leases WHERE category = @category AND expires_ms >= {log.Database.NowMilliseconds}",
            ("@category", log.Leases.Category));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            owners[reader.GetString(0)] = reader.GetString(1);
        }

        return owners;
    }
}
