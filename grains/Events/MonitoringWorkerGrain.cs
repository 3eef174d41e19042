using Maestro.GrainInterfaces.Events;
using Maestro.Runtime.Streams;

namespace Maestro.Grains.Events;

/// <summary>The original's monitoring worker, per project: counts reported errors by their type.</summary>
[ImplicitStreamSubscription(MaestroStreams.Errors)]
public sealed class MonitoringWorkerGrain : EventWorkerGrain<ErrorReportedEvent>, IMonitoringWorkerGrain
{
    protected override string TypeOf(ErrorReportedEvent item) => item.ErrorType;

    protected override Task HandleAsync(ErrorReportedEvent item) =>
        string.IsNullOrWhiteSpace(item.ErrorType)
            ? throw new ArgumentException($"An error report for project '{ProjectId}' has no ErrorType.")
            : Task.CompletedTask;
}
