namespace Maestro.Runtime.Cluster;

/// <summary>
/// Every silo row of a cluster together with the cluster version they belong to, read at one instant. A consumer
/// keeps the snapshot with the highest version and ignores older ones, as Orleans' membership consumers do.
/// </summary>
/// <param name="Version">The cluster version; 0 when nobody has joined yet.</param>
/// <param name="Silos">The rows, ordered by silo id.</param>
internal sealed record MembershipSnapshot(long Version, IReadOnlyList<SiloEntry> Silos);
