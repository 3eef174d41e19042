using Maestro.GrainInterfaces.Events;
using Maestro.Runtime.Streams;

namespace Maestro.Grains.Events;

/// <summary>The original's healing worker, per project: counts the healing requests it receives (healing itself is another feature's grain).</summary>
[ImplicitStreamSubscription(MaestroStreams.Healing)]
public sealed class HealingWorkerGrain : EventWorkerGrain<HealingRequestedEvent>, IHealingWorkerGrain
{
    protected override string TypeOf(HealingRequestedEvent item) => "healing_requested";

    protected override Task HandleAsync(HealingRequestedEvent item) =>
        string.IsNullOrWhiteSpace(item.TestId)
            ? throw new ArgumentException($"A healing request for project '{ProjectId}' has no TestId.")
            : Task.CompletedTask;
}
