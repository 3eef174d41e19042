using Microsoft.Data.Sqlite;

namespace Maestro.Runtime.Tests.Storage;

/// <summary>
/// Reads and edits the SQLite provider's <c>grain_state</c> table directly, to see what a clear really leaves on disk
/// and to damage a record the way a bad migration or a hand edit would.
/// </summary>
public static class GrainStateTable
{
    // $service is NULL when the caller does not care which service wrote the row (a test cluster's file has one).
    private const string RecordKey = "grain_type = $type AND grain_key = $key AND state_name = $name AND ($service IS NULL OR service_id = $service)";

    /// <summary>The stored payload and etag, or null when no row exists.</summary>
    public static async Task<(object? Payload, long Etag)?> ReadRowAsync(string databasePath, GrainId grainId, string stateName, string? serviceId = null)
    {
        await using var connection = await OpenAsync(databasePath);
        await using var command = Command(connection, $"SELECT payload, etag FROM grain_state WHERE {RecordKey}", grainId, stateName, serviceId);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        if (!await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            return null;
        }

        return (reader.IsDBNull(0) ? null : reader.GetValue(0), reader.GetInt64(1));
    }

    /// <summary>Replaces the payload of an existing row; a <see cref="string"/> is stored as TEXT, a byte array as a BLOB.</summary>
    public static async Task OverwritePayloadAsync(string databasePath, GrainId grainId, string stateName, object payload, string? serviceId = null)
    {
        await using var connection = await OpenAsync(databasePath);
        await using var command = Command(connection, $"UPDATE grain_state SET payload = $payload WHERE {RecordKey}", grainId, stateName, serviceId);
        command.Parameters.AddWithValue("$payload", payload);
        var updated = await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, updated);
    }

    private static async Task<SqliteConnection> OpenAsync(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, GrainId grainId, string stateName, string? serviceId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$type", grainId.Type.Value);
        command.Parameters.AddWithValue("$key", grainId.Key);
        command.Parameters.AddWithValue("$name", stateName);
        command.Parameters.AddWithValue("$service", (object?)serviceId ?? DBNull.Value);
        return command;
    }
}
