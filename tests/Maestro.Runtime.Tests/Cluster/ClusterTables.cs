using Maestro.Runtime.Cluster;
using Npgsql;
// Maestro.Runtime.Hosting (a global using here) has an internal class of the same name: the silo's status page.

namespace Maestro.Runtime.Tests.Cluster;

/// <summary>
/// Reads and edits the cluster tables directly, to check what the membership table and the directory really leave in
/// the database, and to plant rows the way another silo version, a crash or a person would.
/// </summary>
internal static class ClusterTables
{
    /// <summary>A silo's row as stored, or null when it has none.</summary>
    public static async Task<(SiloStatus Status, DateTime HeartbeatAt, DateTime LeaseExpiresAt, long VersionAtChange)?> SiloRowAsync(
        string database, string clusterId, SiloAddress silo)
    {
        await using var connection = await OpenAsync(database);
        await using var command = Command(
            connection, "SELECT status, heartbeat_at, lease_expires_at, version_at_change FROM silos WHERE cluster_id = $1 AND silo_id = $2", clusterId, silo.ToString());
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        if (!await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            return null;
        }

        return ((SiloStatus)reader.GetInt16(0), reader.GetDateTime(1), reader.GetDateTime(2), reader.GetInt64(3));
    }

    public static async Task<long> VersionAsync(string database, string clusterId) =>
        (long)(await ScalarAsync(database, "SELECT version FROM cluster_version WHERE cluster_id = $1", clusterId))!;

    /// <summary>How many directory rows point at <paramref name="silo"/>, whatever the state of the silo.</summary>
    public static async Task<long> DirectoryRowsOfAsync(string database, string clusterId, SiloAddress silo) =>
        (long)(await ScalarAsync(database, "SELECT count(*) FROM grain_directory WHERE cluster_id = $1 AND silo_id = $2", clusterId, silo.ToString()))!;

    /// <summary>How many directory rows <paramref name="grainId"/> has (the primary key allows at most one).</summary>
    public static async Task<long> DirectoryRowsForAsync(string database, string clusterId, GrainId grainId) =>
        (long)(await ScalarAsync(database, "SELECT count(*) FROM grain_directory WHERE cluster_id = $1 AND grain_id = $2", clusterId, grainId.ToString()))!;

    /// <summary>Writes a directory row directly, as a crashed silo or an old version could have left it.</summary>
    public static async Task InsertDirectoryRowAsync(string database, string clusterId, GrainId grainId, string siloId, Guid activationId)
    {
        await using var connection = await OpenAsync(database);
        await using var command = Command(
            connection,
            "INSERT INTO grain_directory (cluster_id, grain_id, silo_id, activation_id, membership_version) VALUES ($1, $2, $3, $4, 0)",
            clusterId, grainId.ToString(), siloId, activationId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Whether the database's clock says <paramref name="silo"/>'s lease ran out more than <paramref name="grace"/> ago.</summary>
    public static async Task<bool> LeaseExpiredAsync(string database, string clusterId, SiloAddress silo, TimeSpan grace) =>
        (bool)(await ScalarAsync(
            database, "SELECT lease_expires_at < now() - $3 FROM silos WHERE cluster_id = $1 AND silo_id = $2", clusterId, silo.ToString(), grace))!;

    /// <summary>Waits, polling the database's clock, until every lease in <paramref name="silos"/> ran out more than <paramref name="grace"/> ago.</summary>
    public static async Task WaitUntilLeasesExpiredAsync(string database, string clusterId, TimeSpan grace, params SiloAddress[] silos)
    {
        // Bounded: a lease of a second or two expires long before this, so reaching the deadline means a lease was renewed.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var silo in silos)
        {
            while (!await LeaseExpiredAsync(database, clusterId, silo, grace))
            {
                Assert.True(DateTime.UtcNow < deadline, $"The lease of {silo} did not expire within 30 s.");
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }

    public static async Task<object?> ScalarAsync(string database, string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync(database);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string database)
    {
        // Unpooled: these connections must not outlive the test.
        var connection = new NpgsqlConnection(database + ";Pooling=false");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
