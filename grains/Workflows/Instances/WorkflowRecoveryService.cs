using Maestro.GrainInterfaces.Workflows;
using Maestro.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maestro.Grains.Workflows;

/// <summary>
/// Keeps running workflows running. Reminders would do this per grain; until they exist, every silo scans the index
/// on start and every <see cref="WorkflowOptions.RecoveryInterval"/> and kicks each running instance. A kick on an
/// active instance costs one call; on one whose silo died it activates it here and its driver resumes from the
/// stored state. Several silos kicking the same id is harmless: there is one activation per grain in the cluster.
/// </summary>
public sealed class WorkflowRecoveryService(IGrainFactory grains, IOptions<WorkflowOptions> options, ILogger<WorkflowRecoveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RecoveryInterval);
        do
        {
            try
            {
                var ids = await grains.GetGrain<IWorkflowIndexGrain>(IWorkflowIndexGrain.Key).Running();
                await Task.WhenAll(ids.Select(id => grains.GetGrain<IWorkflowGrain>(id).Kick()));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A scan that fails (silo still joining, a silo just died) is simply tried again at the next tick.
                logger.LogWarning(ex, "Workflow recovery scan failed; retrying in {Interval}", options.Value.RecoveryInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
