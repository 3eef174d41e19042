using Maestro.Runtime;

namespace Maestro.GrainInterfaces.Events;

/// <summary>Implicitly subscribed to <see cref="MaestroStreams.Healing"/> (key = project id): the project's healing requests.</summary>
public interface IHealingWorkerGrain : IGrainWithStringKey
{
    Task<WorkerStatistics> GetStatistics();
}
