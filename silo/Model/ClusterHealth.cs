namespace Maestro.Silo.Model;

/// <summary>The cluster part of <c>GET /health</c> and the answer of <c>GET /api/cluster/silos</c>, in cluster mode.</summary>
/// <param name="Address">This silo's address (<c>host:port:generation</c>); null until it has joined.</param>
/// <param name="Status"><c>Joining</c>, <c>Active</c>, <c>Inactive</c> (joined but taking no work) or <c>Dead</c>.</param>
/// <param name="MembershipVersion">The version of the newest membership snapshot this silo has read.</param>
/// <param name="ActiveSilos">The silos this silo's view shows Active.</param>
public sealed record ClusterHealth(string? Address, string Status, long MembershipVersion, IReadOnlyList<string> ActiveSilos)
{
    public static ClusterHealth From(IClusterMembershipStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new ClusterHealth(status.LocalAddress, status.Status, status.MembershipVersion, status.ActiveSilos);
    }
}
