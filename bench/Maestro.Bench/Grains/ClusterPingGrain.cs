using Maestro.Runtime.Hosting;
using Maestro.Runtime.Placement;

namespace Maestro.Bench.Grains;

/// <summary>
/// Placed on the silo that calls it first: the cluster bench activates each grain through silo B, so the calls it
/// then measures from silo A all cross the network.
/// </summary>
[PreferLocalPlacement]
public sealed class ClusterPingGrain(ISiloStatus silo) : Grain, IClusterPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);

    public Task<string> GetSiloName() => Task.FromResult(silo.SiloName);
}
