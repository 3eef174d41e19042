using System.Data.Common;
using System.Globalization;
using Maestro.Runtime.Sql;
using static Maestro.Runtime.Sql.SqlDatabase;

namespace Maestro.Runtime.Reminders;

/// <summary>The <c>reminders</c> table of one service (orleans.md §7.6): rows keyed by grain and name, each in a bucket, guarded by an ETag.</summary>
internal sealed class ReminderTable(SqlDatabase database, string serviceId)
{
    private const string Columns = "grain_id, reminder_name, start_ms, period_ms, bucket, etag";

    public SqlDatabase Database { get; } = database;

    public string ServiceId { get; } = serviceId;

    /// <summary>Inserts or replaces the reminder; returns its new ETag. A new row starts at a random ETag, so a handle to a deleted one never matches it.</summary>
    public async Task<long> UpsertAsync(GrainId grain, string name, DateTime startAt, TimeSpan period, int bucket, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null,
            $"INSERT INTO reminders (service_id, {Columns}) VALUES (@service, @grain, @name, @start, @period, @bucket, @etag) " +
            "ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET start_ms = excluded.start_ms, period_ms = excluded.period_ms, bucket = excluded.bucket, etag = reminders.etag + 1 " +
            "RETURNING etag",
            ("@service", ServiceId), ("@grain", grain.ToString()), ("@name", name), ("@start", ToMilliseconds(startAt)), ("@period", (long)period.TotalMilliseconds),
            ("@bucket", (long)bucket), ("@etag", Random.Shared.NextInt64(1, long.MaxValue / 2)));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<bool> DeleteAsync(GrainId grain, string name, long etag, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null, "DELETE FROM reminders WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name AND etag = @etag",
            ("@service", ServiceId), ("@grain", grain.ToString()), ("@name", name), ("@etag", etag));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<List<ReminderEntry>> ReadGrainAsync(GrainId grain, string? name, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null,
            $"SELECT {Columns} FROM reminders WHERE service_id = @service AND grain_id = @grain {(name is null ? string.Empty : "AND reminder_name = @name ")}ORDER BY reminder_name",
            [("@service", ServiceId), ("@grain", grain.ToString()), .. name is null ? Array.Empty<(string, object?)>() : [("@name", name)]]);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<List<ReminderEntry>> ReadBucketAsync(int bucket, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null, $"SELECT {Columns} FROM reminders WHERE service_id = @service AND bucket = @bucket",
            ("@service", ServiceId), ("@bucket", (long)bucket));
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>One page of this service's reminders, ordered by grain and name, read with LIMIT/OFFSET in the database.</summary>
    public async Task<List<ReminderEntry>> ReadPageAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null, $"SELECT {Columns} FROM reminders WHERE service_id = @service ORDER BY grain_id, reminder_name LIMIT @limit OFFSET @offset",
            ("@service", ServiceId), ("@limit", (long)limit), ("@offset", (long)offset));
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT count(*) FROM reminders WHERE service_id = @service", ("@service", ServiceId));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static long ToMilliseconds(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static async Task<List<ReminderEntry>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReminderEntry(
                GrainId.Parse(reader.GetString(0)),
                reader.GetString(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)).UtcDateTime,
                TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                (int)reader.GetInt64(4),
                reader.GetInt64(5)));
        }

        return entries;
    }
}
