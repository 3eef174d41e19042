using System.Globalization;
using Maestro.Runtime.Configuration;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Serialization;
using Microsoft.Data.Sqlite;

namespace Maestro.Runtime.Storage.Sqlite;

/// <summary>
/// Grain state in one SQLite file (WAL). A row is keyed by service id, grain type, the exact key string and the state
/// name, so neither two grain types with one key (Orleans #8746) nor "020235" and "20235" (Orleans #9706) can share a
/// row. The ETag is an integer version checked in the same statement that writes. A new row takes its first ETag from
/// a per-database sequence that a delete moves past the deleted row's ETag, so no ETag is ever issued twice for a key
/// and a writer holding one from before a clear is always rejected. Writes go through one connection, one at a time:
/// SQLite has a single writer anyway, and this avoids busy-waiting between connections.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, ISiloLifecycleParticipant, IAsyncDisposable
{
    private const string Key = "service_id = $service AND grain_type = $type AND grain_key = $key AND state_name = $name";

    private static readonly string[] Schema =
    [
        """
        CREATE TABLE grain_state (
            service_id  TEXT NOT NULL,
            grain_type  TEXT NOT NULL,
            grain_key   TEXT NOT NULL,
            state_name  TEXT NOT NULL,
            payload     BLOB NULL,
            etag        INTEGER NOT NULL,
            modified_at TEXT NOT NULL,
            PRIMARY KEY (service_id, grain_type, grain_key, state_name)
        ) WITHOUT ROWID
        """,
        """
        CREATE TABLE grain_state_sequence (id INTEGER PRIMARY KEY CHECK (id = 1), next_etag INTEGER NOT NULL);
        INSERT INTO grain_state_sequence (id, next_etag) SELECT 1, COALESCE(MAX(etag), 0) + 1 FROM grain_state;
        """,
    ];

    private readonly string name;
    private readonly SqliteGrainStorageOptions options;
    private readonly string serviceId;
    private readonly GrainSerializer serializer;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly SemaphoreSlim startGate = new(1, 1);
    private SqliteConnection? writer;

    public SqliteGrainStorage(string name, SqliteGrainStorageOptions options, IOptions<ClusterOptions> clusterOptions, GrainSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            throw new InvalidOperationException($"SQLite grain storage '{name}' has no DatabasePath.");
        }

        this.name = name;
        this.options = options;
        serviceId = clusterOptions.Value.ServiceId;
        this.serializer = serializer;
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await EnsureStartedAsync();
        using var connection = SqliteConnectionFactory.Open(options.DatabasePath, options.Durability, options.BusyTimeout);
        using var command = Command(connection, $"SELECT payload, etag FROM grain_state WHERE {Key}", stateName, grainId);
        using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            Reset(grainState, etag: null);
            return;
        }

        var etag = reader.GetInt64(1).ToString(CultureInfo.InvariantCulture);
        if (reader.IsDBNull(0))
        {
            Reset(grainState, etag);
            return;
        }

        try
        {
            // GetFieldValue, not a cast of GetValue: a payload stored as TEXT (a hand edit, a migration script) is
            // still JSON, and GetValue would hand it back as a string.
            grainState.State = serializer.Deserialize<T>(reader.GetFieldValue<byte[]>(0)) ?? StateFactory.Create<T>();
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new OrleansException(
                $"State '{stateName}' of grain {grainId} in storage '{name}' cannot be read as {typeof(T).Name}: {ex.Message}", ex);
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = serializer.Serialize(grainState.State, typeof(T));
        var expected = ParseEtag(grainState.ETag, stateName, grainId);
        var sql = expected is null
            ? "INSERT INTO grain_state(service_id, grain_type, grain_key, state_name, payload, etag, modified_at) " +
              "SELECT $service, $type, $key, $name, $payload, next_etag, $now FROM grain_state_sequence WHERE id = 1 " +
              "ON CONFLICT DO NOTHING RETURNING etag"
            : $"UPDATE grain_state SET payload = $payload, etag = etag + 1, modified_at = $now WHERE {Key} AND etag = $etag RETURNING etag";
        var written = await WriteAsync(sql, stateName, grainId, expected, payload, expected is null ? AdvanceSequence : null);
        grainState.ETag = written.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = ParseEtag(grainState.ETag, stateName, grainId);
        if (expected is null)
        {
            await EnsureStartedAsync();
            await writeGate.WaitAsync();
            try
            {
                if (StoredEtag(stateName, grainId) is { } stored)
                {
                    throw Conflict("clear", stateName, grainId, stored, null);
                }
            }
            finally
            {
                writeGate.Release();
            }

            Reset(grainState, etag: null);
            return;
        }

        var sql = options.DeleteStateOnClear
            ? $"DELETE FROM grain_state WHERE {Key} AND etag = $etag RETURNING etag"
            : $"UPDATE grain_state SET payload = NULL, etag = etag + 1, modified_at = $now WHERE {Key} AND etag = $etag RETURNING etag";
        var result = await WriteAsync(sql, stateName, grainId, expected, payload: null, options.DeleteStateOnClear ? AdvanceSequence : null);
        Reset(grainState, options.DeleteStateOnClear ? null : result.ToString(CultureInfo.InvariantCulture));
    }

    public async Task OnSiloStartAsync(CancellationToken cancellationToken) => await EnsureStartedAsync();

    /// <summary>Moves the WAL into the main file, so a stopped silo leaves one self-contained database.</summary>
    public async Task OnSiloStopAsync(CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            if (writer is not null)
            {
                using var checkpoint = writer.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                checkpoint.ExecuteNonQuery();
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await writeGate.WaitAsync();
        try
        {
            if (writer is not null)
            {
                await writer.DisposeAsync();
                writer = null;
            }
        }
        finally
        {
            writeGate.Release();
        }
    }

    private static void Reset<T>(IGrainState<T> grainState, string? etag)
    {
        grainState.State = StateFactory.Create<T>();
        grainState.ETag = etag;
        grainState.RecordExists = false;
    }

    private static long? ParseEtag(string? etag, string stateName, GrainId grainId) =>
        etag is null ? null
        : long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new InconsistentStateException($"ETag '{etag}' of state '{stateName}' of grain {grainId} was not issued by this storage.", null, etag);

    private static InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, long? stored, long? expected) =>
        new($"Version conflict on {operation} of state '{stateName}' of grain {grainId}: another activation changed it.",
            stored?.ToString(CultureInfo.InvariantCulture),
            expected?.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Runs one guarded statement; when it touched a row, <paramref name="afterwards"/> runs in the same transaction
    /// with the row's ETag. No row means the ETag was stale: nothing is written and the conflict names both ETags.
    /// </summary>
    private async Task<long> WriteAsync(string sql, string stateName, GrainId grainId, long? expected, byte[]? payload, Action<SqliteTransaction, long>? afterwards)
    {
        await EnsureStartedAsync();
        await writeGate.WaitAsync();
        try
        {
            using var transaction = afterwards is null ? null : writer!.BeginTransaction();
            using var command = Command(writer!, sql, stateName, grainId);
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$payload", (object?)payload ?? DBNull.Value);
            command.Parameters.AddWithValue("$etag", (object?)expected ?? DBNull.Value);
            if (command.ExecuteScalar() is not long written)
            {
                transaction?.Rollback();
                throw Conflict(payload is null ? "clear" : "write", stateName, grainId, StoredEtag(stateName, grainId), expected);
            }

            afterwards?.Invoke(transaction!, written);
            transaction?.Commit();
            return written;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Moves the sequence past an ETag just issued by an insert or freed by a delete.</summary>
    private void AdvanceSequence(SqliteTransaction transaction, long etag)
    {
        using var command = writer!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE grain_state_sequence SET next_etag = max(next_etag, $etag + 1) WHERE id = 1";
        command.Parameters.AddWithValue("$etag", etag);
        command.ExecuteNonQuery();
    }

    /// <summary>The stored version, for the conflict message. Call holding the write gate.</summary>
    private long? StoredEtag(string stateName, GrainId grainId)
    {
        using var command = Command(writer!, $"SELECT etag FROM grain_state WHERE {Key}", stateName, grainId);
        return command.ExecuteScalar() as long?;
    }

    private SqliteCommand Command(SqliteConnection connection, string sql, string stateName, GrainId grainId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", serviceId);
        command.Parameters.AddWithValue("$type", grainId.Type.Value);
        command.Parameters.AddWithValue("$key", grainId.Key);
        command.Parameters.AddWithValue("$name", stateName);
        return command;
    }

    private async ValueTask EnsureStartedAsync()
    {
        if (Volatile.Read(ref writer) is not null)
        {
            return;
        }

        await startGate.WaitAsync();
        try
        {
            if (writer is null)
            {
                var connection = SqliteConnectionFactory.Open(options.DatabasePath, options.Durability, options.BusyTimeout);
                SqliteSchema.Apply(connection, "grain_state", Schema);
                Volatile.Write(ref writer, connection);
            }
        }
        finally
        {
            startGate.Release();
        }
    }
}
