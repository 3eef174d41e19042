using Maestro.GrainInterfaces.AutoRepair;
using Maestro.GrainInterfaces.Events;
using Maestro.Runtime.Streams;

namespace Maestro.Grains.Events;

/// <summary>The original's healing worker, per project: a failed test to heal becomes a repair in the project's auto-repair.</summary>
[ImplicitStreamSubscription(MaestroStreams.Healing)]
public sealed class HealingWorkerGrain : EventWorkerGrain<HealingRequestedEvent>, IHealingWorkerGrain
{
    /// <summary>The monitor named on repairs that heal requests started.</summary>
    public const string HealRequestMonitor = "heal-request";

    protected override string TypeOf(HealingRequestedEvent item) => "healing_requested";

    protected override async Task HandleAsync(HealingRequestedEvent item)
    {
        if (string.IsNullOrWhiteSpace(item.TestId))
        {
            throw new ArgumentException($"A healing request for project '{ProjectId}' has no TestId.");
        }

        var finding = new MonitorFinding(FindingKind.TestFailure, null, null, null, item.TestId, item.FailureMessage);
        await GrainFactory.GetGrain<IProjectAutomationGrain>(ProjectId).ReportFailure(HealRequestMonitor, finding);
    }
}
