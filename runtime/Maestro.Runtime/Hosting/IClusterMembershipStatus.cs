namespace Maestro.Runtime.Hosting;

/// <summary>
/// A read-only view of this silo's cluster membership for its host (health probes, diagnostics). Registered by
/// <c>UsePostgreSqlClustering</c>; a silo running alone has none. Addresses are <c>host:port:generation</c>.
/// </summary>
public interface IClusterMembershipStatus
{
    /// <summary>This silo's address once it has joined; null before.</summary>
    string? LocalAddress { get; }

    /// <summary><c>Joining</c> before it may take work, <c>Active</c> while it may, <c>Dead</c> once the cluster declared it dead, <c>Inactive</c> while it has an address but takes no work (finishing its join, or shutting down).</summary>
    string Status { get; }

    /// <summary>The version of the newest membership snapshot this silo has read.</summary>
    long MembershipVersion { get; }

    /// <summary>The silos this silo's view shows Active, itself included while it is.</summary>
    IReadOnlyList<string> ActiveSilos { get; }
}
