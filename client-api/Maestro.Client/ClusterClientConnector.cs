using Microsoft.Extensions.Hosting;

namespace Maestro.Client;

/// <summary>
/// Connects the client when its host starts (the grain manifest and the live gateways from the first gateway that
/// answers) and refreshes both every <see cref="GatewayOptions.GatewayListRefreshPeriod"/>, so the client learns of
/// silos that joined and forgets those that left. Connecting fails, naming every gateway tried and why, when none answers.
/// </summary>
internal sealed class ClusterClientConnector(
    GatewayList gateways,
    GatewayInfoClient info,
    RemoteGrainTypeResolver grainTypes,
    IOptions<GatewayOptions> options,
    ILogger<ClusterClientConnector> logger) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task refreshLoop = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        options.Value.Validate();
        await RefreshAsync(cancellationToken);
        refreshLoop = Task.Run(() => RefreshLoopAsync(stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!stopping.IsCancellationRequested)
        {
            await stopping.CancelAsync();
        }

        await refreshLoop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        stopping.Dispose();
    }

    /// <summary>Reads the manifest and the live gateways from the first gateway that answers both.</summary>
    /// <exception cref="SiloUnavailableException">No gateway answered; the message names each one and its failure.</exception>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var gateway in gateways.Candidates())
        {
            try
            {
                var manifest = await info.GetManifestAsync(gateway, cancellationToken);
                var live = await info.GetGatewaysAsync(gateway, cancellationToken);
                grainTypes.Update(manifest);
                gateways.Replace(live);
                logger.LogDebug("Gateway {Gateway} listed the live gateways {Gateways}.", gateway, string.Join(", ", live));
                return;
            }
            catch (OrleansException ex)
            {
                gateways.Failed(gateway);
                failures.Add($"{gateway}: {ex.Message}");
            }
        }

        throw new SiloUnavailableException(
            $"No gateway is reachable. Tried: {string.Join("; ", failures)}. Check that a silo runs and its gateway port (default 30000) is the one configured.");
    }

    private async Task RefreshLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.GatewayListRefreshPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await RefreshAsync(cancellationToken);
                }
                catch (SiloUnavailableException ex)
                {
                    // Calls keep trying every known gateway themselves; the next period is the retry for the list.
                    logger.LogWarning(ex, "Refreshing the gateway list failed; retrying in {Period}.", options.Value.GatewayListRefreshPeriod);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client is stopping.
        }
    }
}
