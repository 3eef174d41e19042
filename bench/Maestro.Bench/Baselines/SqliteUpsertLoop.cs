using System.Text.Json;
using Maestro.Bench.Grains;
using Maestro.Runtime.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Maestro.Bench.Baselines;

/// <summary>
/// The raw ceiling under a state write: a prepared, parameterised <c>INSERT ... ON CONFLICT DO UPDATE</c> of the same
/// JSON state, on one held connection opened exactly as the grain storage opens its writer (WAL, synchronous NORMAL,
/// same busy timeout), into a table of the same shape. Each row is its own (autocommit) transaction, as each storage
/// write is. Concurrent writers take turns on the connection through an async gate, as the storage's writers do.
/// </summary>
internal sealed class SqliteUpsertLoop : IDisposable
{
    private const string Upsert =
        """
        INSERT INTO grain_state(service_id, grain_type, grain_key, state_name, payload, etag, modified_at)
        VALUES ($service, $type, $key, $name, $payload, 1, $now)
        ON CONFLICT(service_id, grain_type, grain_key, state_name)
        DO UPDATE SET payload = excluded.payload, etag = etag + 1, modified_at = excluded.modified_at
        """;

    private readonly SqliteConnection connection;
    private readonly SqliteCommand command;
    private readonly SqliteParameter key;
    private readonly SqliteParameter payload;
    private readonly SqliteParameter now;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly WriterState[] states;
    private readonly string[] keys;

    public SqliteUpsertLoop(string databasePath, int writers)
    {
        connection = SqliteConnectionFactory.Open(databasePath, SqliteDurability.Normal, TimeSpan.FromSeconds(5));
        using (var create = connection.CreateCommand())
        {
            // The provider's own table, so the baseline writes exactly the rows the grains do.
            create.CommandText = SqliteGrainStorage.Schema[0];
            create.ExecuteNonQuery();
        }

        command = connection.CreateCommand();
        command.CommandText = Upsert;
        command.Parameters.AddWithValue("$service", "bench");
        command.Parameters.AddWithValue("$type", "rawwriter");
        key = command.Parameters.Add("$key", SqliteType.Text);
        command.Parameters.AddWithValue("$name", "bench");
        payload = command.Parameters.Add("$payload", SqliteType.Blob);
        now = command.Parameters.Add("$now", SqliteType.Text);
        command.Prepare();

        states = new WriterState[writers];
        keys = new string[writers];
        for (var i = 0; i < writers; i++)
        {
            states[i] = new WriterState();
            keys[i] = $"raw-{writers}-{i}";
        }
    }

    /// <summary>Changes writer <paramref name="writer"/>'s state as the grain does, serialises it, and upserts the row.</summary>
    public async Task UpsertAsync(int writer, int value)
    {
        var state = states[writer];
        var timestamp = DateTime.UtcNow;
        state.Apply(value, timestamp);
        await UpsertRowAsync(keys[writer], JsonSerializer.SerializeToUtf8Bytes(state));
    }

    /// <summary>Upserts <paramref name="json"/> as the row of <paramref name="rowKey"/>: one transaction, as a storage write.</summary>
    public async Task UpsertRowAsync(string rowKey, byte[] json)
    {
        await gate.WaitAsync();
        try
        {
            key.Value = rowKey;
            payload.Value = json;
            now.Value = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            command.ExecuteNonQuery();
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        command.Dispose();
        connection.Dispose();
        gate.Dispose();
    }
}
