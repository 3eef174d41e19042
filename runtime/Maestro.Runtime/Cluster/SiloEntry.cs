namespace Maestro.Runtime.Cluster;

/// <summary>
/// One row of the membership table. The times come from the database's clock, so they can be compared with each other
/// but not with the local clock of any silo.
/// </summary>
/// <param name="Address">The silo incarnation.</param>
/// <param name="Name">The silo's configured name, for people.</param>
/// <param name="Status">Its status; <see cref="SiloStatus.Dead"/> is final.</param>
/// <param name="GatewayPort">The port clients connect to, or null when the silo is not a gateway.</param>
/// <param name="StartTime">When it joined.</param>
/// <param name="HeartbeatAt">Its last successful heartbeat (or its join).</param>
/// <param name="LeaseExpiresAt">When its lease runs out unless it heartbeats again.</param>
/// <param name="VersionAtChange">The cluster version its last status change produced.</param>
/// <param name="ActivationCount">The activations it reported with its last heartbeat, for activation-count-based placement.</param>
internal sealed record SiloEntry(
    SiloAddress Address,
    string Name,
    SiloStatus Status,
    int? GatewayPort,
    DateTimeOffset StartTime,
    DateTimeOffset HeartbeatAt,
    DateTimeOffset LeaseExpiresAt,
    long VersionAtChange,
    int ActivationCount = 0);
