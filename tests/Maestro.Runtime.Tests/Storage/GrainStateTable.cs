using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Maestro.Runtime.Tests.Storage;

/// <summary>
/// Reads and edits the SQLite provider's <c>grain_state</c> table directly, to see what a clear really leaves on disk
/// and to damage a record the way a bad migration or a hand edit would.
/// </summary>
public static class GrainStateTable
{
    private const string RecordKey = "grain_type = $type AND grain_key = $key AND state_name = $name";

    public static async Task<int> CountRowsAsync(string databasePath, GrainId grainId, string stateName)
    {
        await using var connection = await OpenAsync(databasePath);
        await using var command = Command(connection, $"SELECT COUNT(*) FROM grain_state WHERE {RecordKey}", grainId, stateName);
        return Convert.ToInt32(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The stored payload and etag, or null when no row exists.</summary>
    public static async Task<(object? Payload, long Etag)?> ReadRowAsync(string databasePath, GrainId grainId, string stateName)
    {
        await using var connection = await OpenAsync(databasePath);
        await using var command = Command(connection, $"SELECT payload, etag FROM grain_state WHERE {RecordKey}", grainId, stateName);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        if (!await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            return null;
        }

        return (reader.IsDBNull(0) ? null : reader.GetValue(0), reader.GetInt64(1));
    }

    /// <summary>Replaces the payload of an existing row; a <see cref="string"/> is stored as TEXT, a byte array as a BLOB.</summary>
    public static async Task OverwritePayloadAsync(string databasePath, GrainId grainId, string stateName, object payload)
    {
        await using var connection = await OpenAsync(databasePath);
        await using var command = Command(connection, $"UPDATE grain_state SET payload = $payload WHERE {RecordKey}", grainId, stateName);
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

    private static SqliteCommand Command(SqliteConnection connection, string sql, GrainId grainId, string stateName)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$type", grainId.Type.Value);
        command.Parameters.AddWithValue("$key", grainId.Key);
        command.Parameters.AddWithValue("$name", stateName);
        return command;
    }
}
