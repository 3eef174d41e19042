using Maestro.Runtime.Sql;
using static Maestro.Runtime.Sql.SqlDatabase;

namespace Maestro.Runtime.Leases;

/// <summary>
/// Leases of one category (the queues of a stream provider, the reminder buckets of a service) in the <c>leases</c>
/// table, timed on the database's clock. Taking a lease that is free, expired or never existed bumps its epoch, the
/// fencing token; renewing keeps it. An owner is one silo incarnation, so a restarted silo never inherits its old leases.
/// </summary>
internal sealed class LeaseTable(SqlDatabase database, string category)
{
    /// <summary>
    /// The lease owner name of this silo: in a cluster unique per incarnation (a restarted silo must not inherit leases
    /// it cannot prove it still holds); alone, one fixed name, so a silo restarted on the same file (whatever its
    /// process id) takes its leases back at once. A single-silo file must therefore never be shared by two silos.
    /// </summary>
    public static string OwnerName(string siloName, bool clustered) => clustered ? $"{siloName}/{Guid.NewGuid():N}" : "single-silo";

    public string Category { get; } = category;

    public SqlDatabase Database { get; } = database;

    /// <summary>
    /// Takes <paramref name="resource"/> unless someone else's lease on it is still running; returns the new epoch or null.
    /// An owner may retake its own running lease (a new epoch): a single silo, whose owner name is stable, gets its
    /// queues back at once after a crash instead of waiting for its own old lease to expire.
    /// </summary>
    public async Task<long?> TryAcquireAsync(string resource, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = Database.NowMilliseconds;
        var sql =
            "INSERT INTO leases (category, resource, owner, epoch, expires_ms) " +
            $"VALUES (@category, @resource, @owner, 1, {now} + @duration) " +
            "ON CONFLICT (category, resource) DO UPDATE SET owner = excluded.owner, epoch = leases.epoch + 1, expires_ms = excluded.expires_ms " +
            $"WHERE leases.expires_ms < {now} OR leases.owner = excluded.owner " +
            "RETURNING epoch";
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, sql, ("@category", Category), ("@resource", resource), ("@owner", owner), ("@duration", (long)duration.TotalMilliseconds));
        return await command.ExecuteScalarAsync(cancellationToken) is { } epoch and not DBNull ? Convert.ToInt64(epoch, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Extends every lease <paramref name="owner"/> still holds in this category; returns them with their epochs.</summary>
    public async Task<Dictionary<string, long>> RenewAllAsync(string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = Database.NowMilliseconds;
        var sql = $"UPDATE leases SET expires_ms = {now} + @duration WHERE category = @category AND owner = @owner AND expires_ms >= {now} RETURNING resource, epoch";
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, sql, ("@category", Category), ("@owner", owner), ("@duration", (long)duration.TotalMilliseconds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var held = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            held[reader.GetString(0)] = reader.GetInt64(1);
        }

        return held;
    }

    /// <summary>Gives a lease back at once (a graceful stop or rebalancing), so the next owner need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string resource, string owner, long epoch, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = Command(
            connection, null, "UPDATE leases SET expires_ms = 0 WHERE category = @category AND resource = @resource AND owner = @owner AND epoch = @epoch",
            ("@category", Category), ("@resource", resource), ("@owner", owner), ("@epoch", epoch));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The SQL condition "the lease on @resource is held by @owner at @epoch", for fenced writes.</summary>
    public static string HeldCondition =>
        "EXISTS (SELECT 1 FROM leases WHERE category = @lease_category AND resource = @resource AND owner = @owner AND epoch = @epoch)";
}
