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
/// and a writer holding one from before a clear is always rejected. All writes go through one connection with group
/// commit (<see cref="SqliteGroupCommitWriter"/>): SQLite has a single writer anyway, so this avoids busy-waiting
/// between connections and shares each commit among concurrent writers.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, ISiloLifecycleParticipant, IAsyncDisposable
{
    /// <summary>The numbered schema scripts; the bench's raw baseline writes into the same table.</summary>
    internal static readonly string[] Schema =
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
    private readonly SemaphoreSlim startGate = new(1, 1);
    private SqliteGroupCommitWriter? writer;

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
        using var command = Command(connection, $"SELECT payload, etag FROM grain_state WHERE {SqliteWriteStatements.Key}", stateName, grainId);
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
        var written = await EnqueueAsync(new SqliteWriteRequest(expected is null ? SqliteWriteKind.Insert : SqliteWriteKind.Update, stateName, grainId, expected, payload));
        grainState.ETag = written!.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var expected = ParseEtag(grainState.ETag, stateName, grainId);
        var kind = expected is null ? SqliteWriteKind.ExpectAbsent
            : options.DeleteStateOnClear ? SqliteWriteKind.Delete
            : SqliteWriteKind.Tombstone;
        var etag = await EnqueueAsync(new SqliteWriteRequest(kind, stateName, grainId, expected, payload: null));
        Reset(grainState, kind == SqliteWriteKind.Tombstone ? etag!.Value.ToString(CultureInfo.InvariantCulture) : null);
    }

    public async Task OnSiloStartAsync(CancellationToken cancellationToken) => await EnsureStartedAsync();

    /// <summary>Finishes queued writes, then moves the WAL into the main file, so a stopped silo leaves one self-contained database.</summary>
    public Task OnSiloStopAsync(CancellationToken cancellationToken) => StopWriterAsync(checkpoint: true).WaitAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await StopWriterAsync(checkpoint: false);

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

    private async Task<long?> EnqueueAsync(SqliteWriteRequest request)
    {
        // ConfigureAwait(false): nothing here touches grain state; the grain's own await resumes on its turn.
        var started = await EnsureStartedAsync().ConfigureAwait(false);
        return await started.WriteAsync(request).ConfigureAwait(false);
    }

    private async Task StopWriterAsync(bool checkpoint)
    {
        await startGate.WaitAsync();
        try
        {
            if (writer is { } running)
            {
                writer = null;
                await running.StopAsync(checkpoint);
            }
        }
        finally
        {
            startGate.Release();
        }
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

    private async ValueTask<SqliteGroupCommitWriter> EnsureStartedAsync()
    {
        if (Volatile.Read(ref writer) is { } running)
        {
            return running;
        }

        await startGate.WaitAsync();
        try
        {
            if (writer is null)
            {
                var connection = SqliteConnectionFactory.Open(options.DatabasePath, options.Durability, options.BusyTimeout);
                SqliteSchema.Apply(connection, "grain_state", Schema);
                Volatile.Write(ref writer, new SqliteGroupCommitWriter(connection, serviceId, name));
            }

            return writer!;
        }
        finally
        {
            startGate.Release();
        }
    }
}
