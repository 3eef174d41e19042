using Maestro.GrainInterfaces.AutoRepair;
using Maestro.GrainInterfaces.Events;
using Maestro.Runtime.Streams;

namespace Maestro.Grains.Events;

/// <summary>
/// The original's monitoring worker, per project: each reported error goes to the project's auto-repair, which queues
/// it once per cool-down. An error of an unknown type, or for a project nobody started, is refused and so lands in the
/// dead letters with the reason.
/// </summary>
[ImplicitStreamSubscription(MaestroStreams.Errors)]
public sealed class MonitoringWorkerGrain : EventWorkerGrain<ErrorReportedEvent>, IMonitoringWorkerGrain
{
    /// <summary>The monitor named for errors that arrive without one (published by another system).</summary>
    public const string ExternalMonitor = "error-event";

    protected override string TypeOf(ErrorReportedEvent item) => item.ErrorType;

    protected override async Task HandleAsync(ErrorReportedEvent item) =>
        await GrainFactory.GetGrain<IProjectAutomationGrain>(ProjectId).ReportFailure(item.Monitor ?? ExternalMonitor, item.ToFinding());
}
