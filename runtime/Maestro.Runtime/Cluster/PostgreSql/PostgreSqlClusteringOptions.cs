namespace Maestro.Runtime.Cluster.PostgreSql;

/// <summary>Settings of PostgreSQL cluster membership and the PostgreSQL grain directory.</summary>
public sealed class PostgreSqlClusteringOptions
{
    /// <summary>
    /// An Npgsql connection string. Required. Every silo of a cluster points at the same database (it may be the grain
    /// storage's); the cluster is told apart by <c>ClusterOptions.ClusterId</c>. Timeouts, pool size and TLS are set
    /// here as Npgsql documents them. The role needs CREATE on the schema unless a DBA applied
    /// <c>deploy/sql/postgresql</c> beforehand.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// How long a heartbeat keeps a silo alive, measured on the database's clock. Default 10 s. Heartbeat several times
    /// per lease (Maestro's design suggests every 2 s) so one slow round trip does not cost the silo its life; others
    /// declare it dead once the lease has been expired for their grace period.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(10);
}
