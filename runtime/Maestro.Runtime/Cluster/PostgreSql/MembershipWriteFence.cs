using Maestro.Runtime.Configuration;
using Npgsql;

namespace Maestro.Runtime.Cluster.PostgreSql;

/// <summary>
/// Lets PostgreSQL grain storage refuse, inside the database, every state write of a silo the cluster has declared
/// dead. A silo that was paused past its lease (a long GC, SIGSTOP, a VM migration) still believes it owns its grains
/// when it wakes up; ETags catch it only if the new owner has written since. With the fence, each write also takes a
/// share lock on the writer's own membership row and requires it to be live, so it is serialized with the sweep that
/// declares the silo dead: a write either commits before the death or not at all. It applies when grain storage and
/// membership live in the same database; otherwise ETags are the only guard.
/// </summary>
internal sealed class MembershipWriteFence
{
    private readonly ClusterView view;
    private readonly NpgsqlConnectionStringBuilder membershipDatabase;

    public MembershipWriteFence(ClusterView view, IOptions<ClusterOptions> clusterOptions, IOptions<PostgreSqlClusteringOptions> clusteringOptions)
    {
        this.view = view;
        ClusterId = clusterOptions.Value.ClusterId;
        membershipDatabase = new NpgsqlConnectionStringBuilder(clusteringOptions.Value.ConnectionString);
    }

    public string ClusterId { get; }

    /// <summary>This silo's membership row; a write before the join has nothing to be fenced by and is refused.</summary>
    public string SiloId => view.LocalAddress?.ToString()
        ?? throw new SiloUnavailableException("This silo has not joined the cluster yet, so it cannot write grain state.");

    /// <summary>
    /// The SQL condition, with this silo's cluster id and silo id as parameters <paramref name="first"/> and the next one.
    /// Statuses 2-5 are Joining through Stopping: a silo that is shutting down still saves its grains' state.
    /// </summary>
    public static string Condition(int first) =>
        $"EXISTS (SELECT 1 FROM silos WHERE cluster_id = ${first} AND silo_id = ${first + 1} AND status BETWEEN 2 AND 5 FOR SHARE)";

    public const string StatusSql = "SELECT status FROM silos WHERE cluster_id = $1 AND silo_id = $2";

    /// <summary>True when <paramref name="storage"/> names the database that holds the membership table.</summary>
    public bool Guards(NpgsqlConnectionStringBuilder storage) =>
        string.Equals(storage.Host, membershipDatabase.Host, StringComparison.OrdinalIgnoreCase)
        && storage.Port == membershipDatabase.Port
        && string.Equals(storage.Database, membershipDatabase.Database, StringComparison.Ordinal);
}
