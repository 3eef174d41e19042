using System.Collections.Concurrent;
using Maestro.Runtime.Configuration;
using Maestro.Runtime.Leases;
using Microsoft.Extensions.Hosting;

namespace Maestro.Runtime.Streams;

/// <summary>
/// Runs the pulling agents of every stream provider on this silo: a <see cref="LeaseKeeper"/> per provider holds this
/// silo's share of the queues, and each held queue has one agent. Started after the silo (grains can run), stopped
/// before it. A graceful stop hands the queues over at once; a kill leaves their leases to expire.
/// </summary>
internal sealed class StreamingService(
    IEnumerable<PersistentStreamProvider> providers,
    IGrainFactory grains,
    ImplicitSubscriptions implicitSubscriptions,
    TimeProvider time,
    IServiceProvider services,
    IOptions<SiloOptions> siloOptions,
    ILoggerFactory loggers) : IHostedService
{
    private readonly ILogger logger = loggers.CreateLogger<StreamingService>();
    private readonly ConcurrentDictionary<(string Provider, string Queue), PullingAgent> agents = new();
    private readonly List<LeaseKeeper> keepers = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var membership = services.GetService<Hosting.IClusterMembershipStatus>();
        var owner = LeaseTable.OwnerName(siloOptions.Value.SiloName, clustered: membership is not null);
        foreach (var provider in providers)
        {
            var options = provider.Options;
            var queues = Enumerable.Range(0, options.QueueCount).Select(StreamLog.QueueResource).ToList();
            var keeper = new LeaseKeeper(
                provider.Log.Leases,
                queues,
                owner,
                options.LeaseDuration,
                options.LeaseRenewPeriod,
                () => membership?.ActiveSilos.Count ?? 1,
                (queue, epoch) =>
                {
                    var agent = new PullingAgent(provider, int.Parse(queue, System.Globalization.CultureInfo.InvariantCulture), epoch, owner, grains, implicitSubscriptions, time, logger);
                    agents[(provider.Name, queue)] = agent;
                    agent.Start();
                    return Task.CompletedTask;
                },
                async queue =>
                {
                    if (agents.TryRemove((provider.Name, queue), out var agent))
                    {
                        await agent.StopAsync();
                    }
                },
                logger);
            keepers.Add(keeper);
            keeper.Start();
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var keeper in keepers)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await keeper.AbandonAsync();
            }
            else
            {
                await keeper.StopAsync(cancellationToken);
            }

            await keeper.DisposeAsync();
        }

        keepers.Clear();
    }
}
