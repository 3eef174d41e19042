using Maestro.Runtime;

namespace Maestro.GrainInterfaces.Events;

/// <summary>Implicitly subscribed to <see cref="MaestroStreams.Errors"/> (key = project id): the project's reported errors, counted by type.</summary>
public interface IMonitoringWorkerGrain : IGrainWithStringKey
{
    Task<WorkerStatistics> GetStatistics();
}
