using Maestro.GrainInterfaces.Workflows;
using Maestro.Grains.Hosting;
using Maestro.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Maestro.Grains.Workflows;

/// <summary>
/// Keeps running workflows running: every silo scans the index on start and every
/// <see cref="WorkflowOptions.RecoveryInterval"/> and kicks each running instance. (It was written before reminders
/// existed; a reminder per running workflow would replace the scan.) A kick on an
/// active instance costs one call; on one whose silo died it activates it here and its driver resumes from the
/// stored state. Several silos kicking the same id is harmless: there is one activation per grain in the cluster.
/// </summary>
public sealed class WorkflowRecoveryService(
    IGrainFactory grains,
    IOptions<WorkflowOptions> options,
    TimeProvider timeProvider,
    ILogger<WorkflowRecoveryService> logger) : PeriodicSiloService(timeProvider, logger)
{
    protected override TimeSpan Period => options.Value.RecoveryInterval;

    protected override string RoundName => "The workflow recovery scan";

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var ids = await grains.GetGrain<IWorkflowIndexGrain>(IWorkflowIndexGrain.Key).Running();
        await Task.WhenAll(ids.Select(id => grains.GetGrain<IWorkflowGrain>(id).Kick()));
    }
}
