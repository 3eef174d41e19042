using Maestro.Runtime.Configuration;
using Maestro.Runtime.Storage.PostgreSql;
using Npgsql;
using NpgsqlTypes;
using static Maestro.Runtime.Cluster.PostgreSql.PostgreSqlClusterDatabase;

namespace Maestro.Runtime.Cluster.PostgreSql;

/// <summary>
/// Cluster membership in the <c>silos</c> and <c>cluster_version</c> tables of <c>002-cluster.sql</c>: leases on the
/// database clock as the failure detector, and one version per cluster that every change advances in the same
/// transaction. Every transaction that changes membership locks the cluster's version row before anything else, so
/// changes of one cluster are serialized: concurrent sweeps cannot deadlock, and each sees the previous one's result.
/// A heartbeat touches only its own row, so it never waits for that lock. Nothing is retried: a failure throws an
/// <see cref="OrleansException"/>, and the caller's next periodic attempt is the retry.
/// </summary>
internal sealed class PostgreSqlMembershipTable : IMembershipTable, IAsyncDisposable
{
    /// <summary>
    /// A silo that has joined and is not dead: Joining, Active, ShuttingDown or Stopping. A draining silo keeps its lease
    /// too, so one that crashes while shutting down is still swept instead of lingering forever.
    /// </summary>
    private const string Live = "status BETWEEN 2 AND 5";

    private const string Columns = "host, port, generation, name, status, gateway_port, start_time, heartbeat_at, lease_expires_at, version_at_change, load_activations";

    // Creates the version row on the first join, and takes its lock in either case.
    private const string BumpOrCreateVersionSql =
        "INSERT INTO cluster_version (cluster_id, version) VALUES ($1, 1) " +
        "ON CONFLICT (cluster_id) DO UPDATE SET version = cluster_version.version + 1, changed_at = now() RETURNING version";

    private const string LockVersionSql = "SELECT version FROM cluster_version WHERE cluster_id = $1 FOR UPDATE";
    private const string SetVersionSql = "UPDATE cluster_version SET version = $2, changed_at = now() WHERE cluster_id = $1";

    // ">=" also catches a second join of the same generation, which would otherwise fail on the primary key.
    private const string NewerGenerationSql =
        "SELECT silo_id FROM silos WHERE cluster_id = $1 AND host = $2 AND port = $3 AND generation >= $4 LIMIT 1";

    private const string KillOlderGenerationsSql =
        $"UPDATE silos SET status = 6, version_at_change = $5 WHERE cluster_id = $1 AND host = $2 AND port = $3 AND generation < $4 AND {Live} RETURNING silo_id";

    private const string InsertSiloSql =
        "INSERT INTO silos (cluster_id, silo_id, host, port, generation, name, status, start_time, heartbeat_at, lease_expires_at, gateway_port, version_at_change) " +
        "VALUES ($1, $2, $3, $4, $5, $6, 2, now(), now(), now() + $7, $8, $9)";

    private const string DeleteDirectoryEntriesSql = "DELETE FROM grain_directory WHERE cluster_id = $1 AND silo_id = ANY($2)";

    // "status < $3": statuses only move forward, and Dead (the highest) is never left.
    private const string SetStatusSql =
        "UPDATE silos SET status = $3, version_at_change = $4 WHERE cluster_id = $1 AND silo_id = $2 AND status < $3";

    private const string StatusSql = "SELECT status FROM silos WHERE cluster_id = $1 AND silo_id = $2";

    // A row not renewed is Dead or missing: while this UPDATE waited on a sweep's row lock the row may have died, and
    // the outer SELECT would still see it alive in the statement's snapshot, so it does not look at the row again.
    private const string HeartbeatSql =
        "WITH beat AS (" +
        $"UPDATE silos SET heartbeat_at = now(), lease_expires_at = now() + $3, load_activations = COALESCE($4, load_activations) WHERE cluster_id = $1 AND silo_id = $2 AND {Live} RETURNING status) " +
        "SELECT COALESCE((SELECT status FROM beat), 6::smallint), COALESCE((SELECT version FROM cluster_version WHERE cluster_id = $1), 0)";

    // now() is the start of the sweep's transaction, before it waited for the version lock: a slightly early clock
    // only ever spares a silo, never kills one early.
    private const string DeclareExpiredSql =
        $"UPDATE silos SET status = 6, version_at_change = $3 WHERE cluster_id = $1 AND {Live} AND lease_expires_at < now() - $2 RETURNING silo_id";

    // One statement, so the version and the rows are one snapshot; the LEFT JOIN yields the version with no silos.
    private const string ReadAllSql =
        "SELECT v.version, s.host, s.port, s.generation, s.name, s.status, s.gateway_port, s.start_time, s.heartbeat_at, s.lease_expires_at, s.version_at_change, s.load_activations " +
        "FROM cluster_version v LEFT JOIN silos s ON s.cluster_id = v.cluster_id WHERE v.cluster_id = $1 ORDER BY s.silo_id";

    private const string GatewaysSql = $"SELECT {Columns} FROM silos WHERE cluster_id = $1 AND status = 3 AND gateway_port IS NOT NULL ORDER BY silo_id";

    private readonly NpgsqlDataSource dataSource;
    private readonly string database;
    private readonly string clusterId;
    private readonly TimeSpan leaseDuration;
    private int disposed;

    public PostgreSqlMembershipTable(PostgreSqlClusteringOptions options, IOptions<ClusterOptions> clusterOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        if (options.LeaseDuration <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"PostgreSQL membership LeaseDuration must be positive, not {options.LeaseDuration}.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(clusterOptions.Value.ClusterId);
        (dataSource, database) = Create(options, "membership");
        clusterId = clusterOptions.Value.ClusterId;
        leaseDuration = options.LeaseDuration;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PostgreSqlSchema.ApplyAsync(dataSource, cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            throw Failure("preparing the schema", null, ex);
        }
    }

    public async Task<long> JoinAsync(SiloAddress silo, string name, int? gatewayPort, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var version = (long)(await ScalarAsync(connection, transaction, BumpOrCreateVersionSql, cancellationToken, Parameter(clusterId)))!;

            var newer = await ScalarAsync(
                connection, transaction, NewerGenerationSql, cancellationToken, Parameter(clusterId), Parameter(silo.Host), Parameter(silo.Port), Parameter(silo.Generation));
            if (newer is string newerId)
            {
                // Rolled back by the disposal of the transaction: a stale process must not bump anything.
                throw new InvalidOperationException(
                    $"Silo {silo} cannot join cluster '{clusterId}': {newerId} is a generation at least as new at the same endpoint. This process is stale; restart it with a new generation.");
            }

            var killed = await SiloIdsAsync(
                connection, transaction, KillOlderGenerationsSql, cancellationToken,
                Parameter(clusterId), Parameter(silo.Host), Parameter(silo.Port), Parameter(silo.Generation), Parameter(version));
            await DeleteDirectoryEntriesAsync(connection, transaction, killed, cancellationToken);

            await using (var insert = new NpgsqlCommand(InsertSiloSql, connection, transaction))
            {
                insert.Parameters.Add(Parameter(clusterId));
                insert.Parameters.Add(Parameter(silo.ToString()));
                insert.Parameters.Add(Parameter(silo.Host));
                insert.Parameters.Add(Parameter(silo.Port));
                insert.Parameters.Add(Parameter(silo.Generation));
                insert.Parameters.Add(Parameter(name));
                insert.Parameters.Add(Parameter(leaseDuration));
                insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = gatewayPort is { } port ? port : DBNull.Value });
                insert.Parameters.Add(Parameter(version));
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return version;
        }
        catch (NpgsqlException ex)
        {
            throw Failure("join", silo, ex);
        }
    }

    public async Task<SiloStatusReport> SetStatusAsync(SiloAddress silo, SiloStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (status is not (SiloStatus.Active or SiloStatus.ShuttingDown or SiloStatus.Stopping or SiloStatus.Dead))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A silo's status can only be set to Active, ShuttingDown, Stopping or Dead; it joins as Joining.");
        }

        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (await ScalarAsync(connection, transaction, LockVersionSql, cancellationToken, Parameter(clusterId)) is not long current)
            {
                // Nobody ever joined this cluster, so this silo has no row: it counts as dead.
                return new SiloStatusReport(SiloStatus.Dead, 0);
            }

            var next = current + 1;
            await using (var update = new NpgsqlCommand(SetStatusSql, connection, transaction))
            {
                update.Parameters.Add(Parameter(clusterId));
                update.Parameters.Add(Parameter(silo.ToString()));
                update.Parameters.Add(Parameter((short)status));
                update.Parameters.Add(Parameter(next));
                if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    var stored = await ScalarAsync(connection, transaction, StatusSql, cancellationToken, Parameter(clusterId), Parameter(silo.ToString()));
                    await transaction.CommitAsync(cancellationToken);
                    return new SiloStatusReport(stored is short s ? (SiloStatus)s : SiloStatus.Dead, current);
                }
            }

            await ExecuteAsync(connection, transaction, SetVersionSql, cancellationToken, Parameter(clusterId), Parameter(next));
            if (status == SiloStatus.Dead)
            {
                // A silo that leaves drops its activations' entries at once (as the sweep does for a crashed one), so
                // their next call activates elsewhere without waiting for anything.
                await DeleteDirectoryEntriesAsync(connection, transaction, [silo.ToString()], cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return new SiloStatusReport(status, next);
        }
        catch (NpgsqlException ex)
        {
            throw Failure($"setting status {status}", silo, ex);
        }
    }

    public Task<SiloStatusReport> HeartbeatAsync(SiloAddress silo, CancellationToken cancellationToken) =>
        HeartbeatAsync(silo, null, cancellationToken);

    public async Task<SiloStatusReport> HeartbeatAsync(SiloAddress silo, int? activationCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(silo);
        try
        {
            await using var command = dataSource.CreateCommand(HeartbeatSql);
            command.Parameters.Add(Parameter(clusterId));
            command.Parameters.Add(Parameter(silo.ToString()));
            command.Parameters.Add(Parameter(leaseDuration));
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = activationCount is { } count ? count : DBNull.Value });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new SiloStatusReport((SiloStatus)reader.GetInt16(0), reader.GetInt64(1));
        }
        catch (NpgsqlException ex)
        {
            throw Failure("heartbeat", silo, ex);
        }
    }

    public async Task<IReadOnlyList<SiloAddress>> DeclareExpiredSilosDeadAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grace, TimeSpan.Zero);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (await ScalarAsync(connection, transaction, LockVersionSql, cancellationToken, Parameter(clusterId)) is not long current)
            {
                return [];
            }

            var dead = await SiloIdsAsync(
                connection, transaction, DeclareExpiredSql, cancellationToken, Parameter(clusterId), Parameter(grace), Parameter(current + 1));
            if (dead.Count == 0)
            {
                // Nothing changed, so the version must not move: consumers would reread membership for nothing.
                return [];
            }

            await ExecuteAsync(connection, transaction, SetVersionSql, cancellationToken, Parameter(clusterId), Parameter(current + 1));
            await DeleteDirectoryEntriesAsync(connection, transaction, dead, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return dead.Select(SiloAddress.Parse).ToList();
        }
        catch (NpgsqlException ex)
        {
            throw Failure("sweep of expired leases", null, ex);
        }
    }

    public async Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand(ReadAllSql);
            command.Parameters.Add(Parameter(clusterId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            long version = 0;
            var silos = new List<SiloEntry>();
            while (await reader.ReadAsync(cancellationToken))
            {
                version = reader.GetInt64(0);
                if (!reader.IsDBNull(1))
                {
                    silos.Add(ReadEntry(reader, 1));
                }
            }

            return new MembershipSnapshot(version, silos);
        }
        catch (NpgsqlException ex)
        {
            throw Failure("read", null, ex);
        }
    }

    public async Task<IReadOnlyList<SiloEntry>> GetGatewaysAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand(GatewaysSql);
            command.Parameters.Add(Parameter(clusterId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var gateways = new List<SiloEntry>();
            while (await reader.ReadAsync(cancellationToken))
            {
                gateways.Add(ReadEntry(reader, 0));
            }

            return gateways;
        }
        catch (NpgsqlException ex)
        {
            throw Failure("gateway read", null, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            await dataSource.DisposeAsync();
        }
    }

    /// <summary>Reads the columns of <see cref="Columns"/>, in that order, starting at <paramref name="first"/>.</summary>
    private static SiloEntry ReadEntry(NpgsqlDataReader reader, int first) => new(
        new SiloAddress(reader.GetString(first), reader.GetInt32(first + 1), reader.GetInt64(first + 2)),
        reader.GetString(first + 3),
        (SiloStatus)reader.GetInt16(first + 4),
        reader.IsDBNull(first + 5) ? null : reader.GetInt32(first + 5),
        reader.GetFieldValue<DateTimeOffset>(first + 6),
        reader.GetFieldValue<DateTimeOffset>(first + 7),
        reader.GetFieldValue<DateTimeOffset>(first + 8),
        reader.GetInt64(first + 9),
        reader.GetInt32(first + 10));

    private static async Task<object?> ScalarAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<string>> SiloIdsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task DeleteDirectoryEntriesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<string> siloIds, CancellationToken cancellationToken)
    {
        if (siloIds.Count > 0)
        {
            await ExecuteAsync(connection, transaction, DeleteDirectoryEntriesSql, cancellationToken, Parameter(clusterId), Parameter(siloIds.ToArray()));
        }
    }

    private OrleansException Failure(string operation, SiloAddress? silo, NpgsqlException ex) =>
        new($"Membership {operation}{(silo is null ? string.Empty : $" of silo {silo}")} in cluster '{clusterId}' (database {database}) failed and was not retried: {ex.Message}", ex);
}
