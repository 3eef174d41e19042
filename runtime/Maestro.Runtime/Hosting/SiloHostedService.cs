using Maestro.Runtime.Activation;
using Maestro.Runtime.Configuration;
using Maestro.Runtime.Messaging;
using Microsoft.Extensions.Hosting;

namespace Maestro.Runtime.Hosting;

/// <summary>
/// Starts the silo (storage first, then grains may run) and stops it: a graceful stop deactivates every grain,
/// running their OnDeactivateAsync, before storage flushes; a stop whose token is already cancelled is a crash and
/// skips all of that, as Orleans' test cluster "kill" does.
/// </summary>
internal sealed class SiloHostedService(
    GrainRuntime runtime,
    PendingCalls pendingCalls,
    LocalSiloStatus status,
    IEnumerable<ISiloLifecycleParticipant> participants,
    IOptions<SiloOptions> siloOptions,
    IOptions<ClusterOptions> clusterOptions,
    ILogger<SiloHostedService> logger) : IHostedService
{
    private readonly ISiloLifecycleParticipant[] participants = [.. participants];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var participant in participants)
        {
            await participant.OnSiloStartAsync(cancellationToken);
        }

        status.MarkStarted();
        logger.LogInformation(
            "Silo {Silo} started (cluster {Cluster}, service {Service}) hosting {Count} grain classes [{Types}]",
            siloOptions.Value.SiloName,
            clusterOptions.Value.ClusterId,
            clusterOptions.Value.ServiceId,
            runtime.Manifest.Classes.Count,
            string.Join(", ", runtime.Manifest.Classes.Select(c => c.GrainType.Value).Order(StringComparer.Ordinal)));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var unavailable = new SiloUnavailableException($"Silo {siloOptions.Value.SiloName} stopped before the call completed.");
        if (cancellationToken.IsCancellationRequested)
        {
            runtime.Catalog.Stop();
            pendingCalls.FailAll(unavailable);
            logger.LogWarning("Silo {Silo} stopped abruptly: grains were not deactivated.", siloOptions.Value.SiloName);
            return;
        }

        var count = runtime.Catalog.ActivationCount;
        await runtime.Catalog.DeactivateAllAsync(new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is stopping."))
            .WaitAsync(cancellationToken);
        pendingCalls.FailAll(unavailable);
        foreach (var participant in participants.Reverse())
        {
            await participant.OnSiloStopAsync(cancellationToken);
        }

        logger.LogInformation("Silo {Silo} stopped after deactivating {Count} activations.", siloOptions.Value.SiloName, count);
    }
}
