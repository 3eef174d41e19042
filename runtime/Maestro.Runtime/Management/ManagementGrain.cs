using Maestro.Runtime.Cluster;
using Maestro.Runtime.Concurrency;
using Maestro.Runtime.Gateway;
using Maestro.Runtime.Hosting;

namespace Maestro.Runtime.Management;

/// <summary>
/// Answers <see cref="IManagementGrain"/> from the local silo: its membership view in a cluster, itself alone
/// otherwise. A stateless worker, so it is never registered in the directory and costs no placement.
/// </summary>
[StatelessWorker(1)]
internal sealed class ManagementGrain(IServiceProvider services) : Grain, IManagementGrain
{
    private const string LocalAddress = "local";

    public Task<Dictionary<string, string>> GetHosts(bool onlyActive = false) =>
        Task.FromResult(Hosts(onlyActive).ToDictionary(h => h.Address, h => h.Status, StringComparer.Ordinal));

    public Task<SiloHostInfo[]> GetDetailedHosts(bool onlyActive = false) => Task.FromResult(Hosts(onlyActive));

    public Task<int> GetTotalActivationCount() => Task.FromResult(Hosts(onlyActive: true).Sum(h => h.ActivationCount));

    private SiloHostInfo[] Hosts(bool onlyActive)
    {
        var status = services.GetRequiredService<ISiloStatus>();
        var gateway = services.GetService<GatewayServer>();
        if (services.GetService<ClusterView>() is not { } view)
        {
            var gatewayAddress = gateway is { IsListening: true } ? gateway.Address.ToString() : null;
            return [new SiloHostInfo(LocalAddress, status.SiloName, nameof(SiloStatus.Active), gatewayAddress, status.ActivationCount, status.StartedAt ?? DateTimeOffset.UtcNow)];
        }

        return
        [
            .. view.Silos
                .Where(s => !onlyActive || s.Status == SiloStatus.Active)
                .Select(s => new SiloHostInfo(
                    s.Address.ToString(),
                    s.Name,
                    s.Status.ToString(),
                    s.GatewayPort is { } port ? GatewayServer.GatewayUri(s.Address.Host, port).ToString() : null,
                    s.Address == view.LocalAddress ? status.ActivationCount : s.ActivationCount,
                    s.StartTime)),
        ];
    }
}
