using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Maestro.Runtime.Storage.Sqlite;

/// <summary>
/// The writer loop's statements, prepared once on the writer connection: parsing and planning cost as much as running
/// one, and every writer waits behind the loop. Each guarded statement touches a row only if the ETag matches.
/// </summary>
internal sealed class SqliteWriteStatements : IDisposable
{
    public const string Key = "service_id = $service AND grain_type = $type AND grain_key = $key AND state_name = $name";

    private readonly string serviceId;
    private readonly SqliteCommand insert;
    private readonly SqliteCommand update;
    private readonly SqliteCommand tombstone;
    private readonly SqliteCommand delete;
    private readonly SqliteCommand storedEtag;
    private readonly SqliteCommand advanceSequence;

    public SqliteWriteStatements(SqliteConnection connection, string serviceId)
    {
        this.serviceId = serviceId;
        insert = Prepare(connection,
            "INSERT INTO grain_state(service_id, grain_type, grain_key, state_name, payload, etag, modified_at) " +
            "SELECT $service, $type, $key, $name, $payload, next_etag, $now FROM grain_state_sequence WHERE id = 1 " +
            "ON CONFLICT DO NOTHING RETURNING etag",
            "$payload", "$now");
        update = Prepare(connection,
            $"UPDATE grain_state SET payload = $payload, etag = etag + 1, modified_at = $now WHERE {Key} AND etag = $etag RETURNING etag",
            "$payload", "$now", "$etag");
        tombstone = Prepare(connection,
            $"UPDATE grain_state SET payload = NULL, etag = etag + 1, modified_at = $now WHERE {Key} AND etag = $etag RETURNING etag",
            "$now", "$etag");
        delete = Prepare(connection, $"DELETE FROM grain_state WHERE {Key} AND etag = $etag RETURNING etag", "$etag");
        storedEtag = Prepare(connection, $"SELECT etag FROM grain_state WHERE {Key}");
        advanceSequence = connection.CreateCommand();
        advanceSequence.CommandText = "UPDATE grain_state_sequence SET next_etag = max(next_etag, $etag + 1) WHERE id = 1";
        advanceSequence.Parameters.Add("$etag", SqliteType.Integer);
        advanceSequence.Prepare();
    }

    public SqliteTransaction? Transaction
    {
        set
        {
            foreach (var command in (SqliteCommand[])[insert, update, tombstone, delete, storedEtag, advanceSequence])
            {
                command.Transaction = value;
            }
        }
    }

    /// <summary>Runs the request's statement; on success sets its new ETag, else marks the conflict with the stored ETag.</summary>
    public void Execute(SqliteWriteRequest request)
    {
        if (request.Kind == SqliteWriteKind.ExpectAbsent)
        {
            if (Scalar(storedEtag, request) is { } existing)
            {
                request.MarkConflict(existing);
            }

            return;
        }

        var command = request.Kind switch
        {
            SqliteWriteKind.Insert => insert,
            SqliteWriteKind.Update => update,
            SqliteWriteKind.Tombstone => tombstone,
            _ => delete,
        };
        if (Scalar(command, request) is not { } etag)
        {
            request.MarkConflict(Scalar(storedEtag, request));
            return;
        }

        // A new row took the sequence's next value; a deleted row's ETag must never be issued again for its key.
        if (request.Kind is SqliteWriteKind.Insert or SqliteWriteKind.Delete)
        {
            advanceSequence.Parameters["$etag"].Value = etag;
            advanceSequence.ExecuteNonQuery();
        }

        request.Etag = request.Kind == SqliteWriteKind.Delete ? null : etag;
    }

    public void Dispose()
    {
        foreach (var command in (SqliteCommand[])[insert, update, tombstone, delete, storedEtag, advanceSequence])
        {
            command.Dispose();
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] extraParameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in (string[])["$service", "$type", "$key", "$name", .. extraParameters])
        {
            command.Parameters.Add(name, name == "$payload" ? SqliteType.Blob : name == "$etag" ? SqliteType.Integer : SqliteType.Text);
        }

        command.Prepare();
        return command;
    }

    private long? Scalar(SqliteCommand command, SqliteWriteRequest request)
    {
        var parameters = command.Parameters;
        parameters["$service"].Value = serviceId;
        parameters["$type"].Value = request.GrainId.Type.Value;
        parameters["$key"].Value = request.GrainId.Key;
        parameters["$name"].Value = request.StateName;
        if (parameters.Contains("$payload"))
        {
            parameters["$payload"].Value = request.Payload;
        }

        if (parameters.Contains("$now"))
        {
            parameters["$now"].Value = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        }

        if (parameters.Contains("$etag"))
        {
            parameters["$etag"].Value = (object?)request.ExpectedEtag ?? DBNull.Value;
        }

        return command.ExecuteScalar() as long?;
    }
}
