using Maestro.Runtime.Tests.Storage;
using Npgsql;

namespace Maestro.Runtime.Tests.PostgreSql;

/// <summary>
/// Reads and edits the PostgreSQL provider's tables directly, to see what the provider really leaves in the database
/// and to change it the way a DBA, a migration or another silo version would.
/// </summary>
public static class PostgreSqlGrainStateTable
{
    private const string RecordKey = "service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4";

    /// <summary>The stored payload and etag, or null when no row exists.</summary>
    public static async Task<StoredRow?> ReadRowAsync(string connectionString, string serviceId, GrainId grainId, string stateName)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = RecordCommand(connection, $"SELECT payload, etag FROM grain_state WHERE {RecordKey}", serviceId, grainId, stateName);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        if (!await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            return null;
        }

        return new StoredRow(reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0), reader.GetInt64(1));
    }

    /// <summary>
    /// Replaces the payload of an existing row. <paramref name="payloadSql"/> is the SQL expression a person would type,
    /// given the parameter <c>$5</c> (e.g. <c>$5</c> for bytes, <c>convert_to($5, 'UTF8')</c> for text).
    /// </summary>
    public static async Task OverwritePayloadAsync(string connectionString, string serviceId, GrainId grainId, string stateName, string payloadSql, object payload)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = RecordCommand(connection, $"UPDATE grain_state SET payload = {payloadSql} WHERE {RecordKey}", serviceId, grainId, stateName);
        command.Parameters.Add(new NpgsqlParameter { Value = payload });
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The rows of <c>schema_migrations</c> as (version, name, applied_at), in version order.</summary>
    public static async Task<List<(int Version, string Name, DateTime AppliedAt)>> SchemaMigrationsAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand("SELECT version, name, applied_at FROM schema_migrations ORDER BY version", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<(int, string, DateTime)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetDateTime(2)));
        }

        return rows;
    }

    /// <summary>Runs one statement, with positional parameters <c>$1</c>, <c>$2</c>, ...</summary>
    public static async Task ExecuteAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        // Unpooled: these connections must not outlive the test, whose server may be stopped or deleted next.
        var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    private static NpgsqlCommand RecordCommand(NpgsqlConnection connection, string sql, string serviceId, GrainId grainId, string stateName)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type.Value });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });
        return command;
    }
}
