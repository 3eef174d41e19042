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

    /// <summary>How often a silo renews its lease. Default 2 s: several renewals per lease, so one slow round trip is survived.</summary>
    public TimeSpan HeartbeatPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often an Active silo declares dead the silos whose leases ran out. Default 2 s.</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long after a lease ran out the sweep waits before declaring its silo dead. Default 3 s, the design's safety
    /// margin, so a silo that merely paused has time to notice and stop serving before others take its grains.
    /// </summary>
    public TimeSpan DeathGracePeriod { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Throws with every problem at once, so a misconfigured silo fails at start-up with the reason.</summary>
    internal void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            problems.Add("ConnectionString is required.");
        }

        if (LeaseDuration <= TimeSpan.Zero)
        {
            problems.Add($"LeaseDuration must be positive; it is {LeaseDuration}.");
        }

        if (HeartbeatPeriod <= TimeSpan.Zero || HeartbeatPeriod >= LeaseDuration)
        {
            problems.Add($"HeartbeatPeriod must be positive and shorter than LeaseDuration ({LeaseDuration}); it is {HeartbeatPeriod}.");
        }

        if (SweepPeriod <= TimeSpan.Zero)
        {
            problems.Add($"SweepPeriod must be positive; it is {SweepPeriod}.");
        }

        if (DeathGracePeriod < TimeSpan.Zero)
        {
            problems.Add($"DeathGracePeriod must not be negative; it is {DeathGracePeriod}.");
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(PostgreSqlClusteringOptions), typeof(PostgreSqlClusteringOptions), problems);
        }
    }
}
