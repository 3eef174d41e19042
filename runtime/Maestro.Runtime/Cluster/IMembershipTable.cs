namespace Maestro.Runtime.Cluster;

/// <summary>
/// The cluster's membership, kept where every silo can reach it. Every status change advances one cluster-wide
/// version in the same transaction; leases are measured on the table's own clock, never a silo's.
/// </summary>
internal interface IMembershipTable
{
    /// <summary>Prepares the storage (schema, the cluster's version row). Safe to call from many silos at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="silo"/> as <see cref="SiloStatus.Joining"/> with a fresh lease, declares any older
    /// generation at the same endpoint dead (and drops its directory entries), and advances the version. Throws
    /// <see cref="InvalidOperationException"/> when a newer generation at the same endpoint exists: this process is stale.
    /// </summary>
    /// <returns>The cluster version after the join.</returns>
    Task<long> JoinAsync(SiloAddress silo, string name, int? gatewayPort, CancellationToken cancellationToken);

    /// <summary>
    /// Moves <paramref name="silo"/> forward to <paramref name="status"/> (Active, ShuttingDown, Stopping or Dead) and
    /// advances the version; becoming Dead also drops its directory entries. A status never moves backwards and a Dead
    /// silo never comes back: then nothing changes and the report says where the silo really is.
    /// </summary>
    Task<SiloStatusReport> SetStatusAsync(SiloAddress silo, SiloStatus status, CancellationToken cancellationToken);

    /// <summary>Renews the lease of a live silo; a Dead or missing row is reported as Dead and is not renewed.</summary>
    Task<SiloStatusReport> HeartbeatAsync(SiloAddress silo, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="HeartbeatAsync(SiloAddress, CancellationToken)"/>, and publishes <paramref name="activationCount"/>
    /// (when not null) in the same statement, so activation-count-based placement costs no extra round trip.
    /// </summary>
    Task<SiloStatusReport> HeartbeatAsync(SiloAddress silo, int? activationCount, CancellationToken cancellationToken);

    /// <summary>
    /// Declares dead, in one transaction, every live silo whose lease ran out more than <paramref name="grace"/> ago,
    /// advances the version once if anyone died, and drops their directory entries. Several silos may sweep at once:
    /// each victim is declared by exactly one of them.
    /// </summary>
    /// <returns>The silos this call declared dead.</returns>
    Task<IReadOnlyList<SiloAddress>> DeclareExpiredSilosDeadAsync(TimeSpan grace, CancellationToken cancellationToken);

    /// <summary>Every row of the cluster with the version, read consistently.</summary>
    Task<MembershipSnapshot> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>The Active silos that accept clients (those with a gateway port).</summary>
    Task<IReadOnlyList<SiloEntry>> GetGatewaysAsync(CancellationToken cancellationToken);
}
