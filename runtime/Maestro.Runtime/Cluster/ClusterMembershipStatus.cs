using Maestro.Runtime.Hosting;

namespace Maestro.Runtime.Cluster;

/// <summary>Exposes the <see cref="ClusterView"/> to the host as plain values.</summary>
internal sealed class ClusterMembershipStatus(ClusterView view) : IClusterMembershipStatus
{
    public string? LocalAddress => view.LocalAddress?.ToString();

    public string Status => view switch
    {
        { IsDeclaredDead: true } => "Dead",
        { IsLeaseExpired: true } => "LeaseExpired",
        { IsAccepting: true } => "Active",
        { LocalAddress: null } => "Joining",
        _ => "Inactive",
    };

    public long MembershipVersion => view.Version;

    public IReadOnlyList<string> ActiveSilos => [.. view.ActiveSilos.Select(s => s.ToString())];
}
