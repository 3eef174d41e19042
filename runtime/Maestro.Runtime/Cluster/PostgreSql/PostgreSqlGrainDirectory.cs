using Maestro.Runtime.Configuration;
using Maestro.Runtime.Storage.PostgreSql;
using Npgsql;
using static Maestro.Runtime.Cluster.PostgreSql.PostgreSqlClusterDatabase;

namespace Maestro.Runtime.Cluster.PostgreSql;

/// <summary>
/// The grain directory in the <c>grain_directory</c> table of <c>002-cluster.sql</c>, strongly consistent because the
/// primary key (cluster, grain) allows one row and every register is a single atomic statement. An entry is live while
/// its silo has a row in <c>silos</c> that is not Dead; a dead silo's entries are normally deleted in the very
/// transaction that declares it dead, and the liveness check covers any that got there otherwise. Nothing is retried:
/// a failure throws an <see cref="OrleansException"/>.
/// </summary>
internal sealed class PostgreSqlGrainDirectory : IGrainDirectory, IAsyncDisposable
{
    private const string HolderIsLive =
        "EXISTS (SELECT 1 FROM silos s WHERE s.cluster_id = d.cluster_id AND s.silo_id = d.silo_id AND s.status <> 6)";

    // First writer wins: on conflict a live holder keeps its row and a dead or unknown one is replaced. The conflict
    // branch always updates, rewriting a live holder's row with its own values, on purpose: RETURNING then reports the
    // row that is in the table even when the winner committed after this statement's snapshot, which a separate
    // SELECT in the same statement could not see. Losers are rare (racing first calls), so the extra write is cheap.
    private const string RegisterSql =
        "INSERT INTO grain_directory AS d (cluster_id, grain_id, silo_id, activation_id, membership_version) VALUES ($1, $2, $3, $4, $5) " +
        "ON CONFLICT (cluster_id, grain_id) DO UPDATE SET (silo_id, activation_id, membership_version, created_at) = (" +
        "SELECT CASE WHEN h.live THEN d.silo_id ELSE excluded.silo_id END, " +
        "CASE WHEN h.live THEN d.activation_id ELSE excluded.activation_id END, " +
        "CASE WHEN h.live THEN d.membership_version ELSE excluded.membership_version END, " +
        "CASE WHEN h.live THEN d.created_at ELSE now() END " +
        $"FROM (SELECT {HolderIsLive} AS live) AS h) " +
        "RETURNING d.silo_id, d.activation_id, d.membership_version";

    private const string UnregisterSql = "DELETE FROM grain_directory WHERE cluster_id = $1 AND grain_id = $2 AND activation_id = $3";

    private const string LookupSql =
        $"SELECT d.silo_id, d.activation_id, d.membership_version FROM grain_directory d WHERE d.cluster_id = $1 AND d.grain_id = $2 AND {HolderIsLive}";

    private readonly NpgsqlDataSource dataSource;
    private readonly string database;
    private readonly string clusterId;
    private int disposed;

    public PostgreSqlGrainDirectory(PostgreSqlClusteringOptions options, IOptions<ClusterOptions> clusterOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterOptions.Value.ClusterId);
        (dataSource, database) = Create(options, "grain directory");
        clusterId = clusterOptions.Value.ClusterId;
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

    public async Task<GrainAddress> RegisterAsync(GrainAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        try
        {
            await using var command = dataSource.CreateCommand(RegisterSql);
            command.Parameters.Add(Parameter(clusterId));
            command.Parameters.Add(Parameter(address.GrainId.ToString()));
            command.Parameters.Add(Parameter(address.SiloAddress.ToString()));
            command.Parameters.Add(Parameter(address.ActivationId));
            command.Parameters.Add(Parameter(address.MembershipVersion));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                // INSERT ... ON CONFLICT DO UPDATE without a WHERE returns exactly one row.
                throw new InvalidOperationException($"Registering {address.GrainId} returned no row.");
            }

            return ReadAddress(reader, address.GrainId);
        }
        catch (NpgsqlException ex)
        {
            throw Failure("register", address.GrainId, ex);
        }
    }

    public async Task<bool> UnregisterAsync(GrainAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        try
        {
            await using var command = dataSource.CreateCommand(UnregisterSql);
            command.Parameters.Add(Parameter(clusterId));
            command.Parameters.Add(Parameter(address.GrainId.ToString()));
            command.Parameters.Add(Parameter(address.ActivationId));
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }
        catch (NpgsqlException ex)
        {
            throw Failure("unregister", address.GrainId, ex);
        }
    }

    public async Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand(LookupSql);
            command.Parameters.Add(Parameter(clusterId));
            command.Parameters.Add(Parameter(grainId.ToString()));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadAddress(reader, grainId) : null;
        }
        catch (NpgsqlException ex)
        {
            throw Failure("lookup", grainId, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            await dataSource.DisposeAsync();
        }
    }

    private static GrainAddress ReadAddress(NpgsqlDataReader reader, GrainId grainId) =>
        new(grainId, SiloAddress.Parse(reader.GetString(0)), reader.GetGuid(1), reader.GetInt64(2));

    private OrleansException Failure(string operation, GrainId? grainId, NpgsqlException ex) =>
        new($"Grain directory {operation}{(grainId is { } id ? $" of {id}" : string.Empty)} in cluster '{clusterId}' (database {database}) failed and was not retried: {ex.Message}", ex);
}
