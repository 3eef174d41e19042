using Maestro.Runtime;

namespace Maestro.GrainInterfaces.Events;

/// <summary>Implicitly subscribed to <see cref="MaestroStreams.AutomationJobs"/> (key = project id): the project's automation jobs: starts and stops monitoring (publishing status updates to results) and turns heal_test_failure jobs into healing requests.</summary>
public interface IAutomationWorkerGrain : IGrainWithStringKey
{
    Task<WorkerStatistics> GetStatistics();
}
