using Maestro.GrainInterfaces.Events;
using Maestro.Runtime.Streams;

namespace Maestro.Grains.Events;

/// <summary>The original's automation worker, per project: start/stop monitoring with status updates, heal jobs forwarded to healing.</summary>
[ImplicitStreamSubscription(MaestroStreams.AutomationJobs)]
public sealed class AutomationWorkerGrain(TimeProvider time) : EventWorkerGrain<AutomationJobEvent>, IAutomationWorkerGrain
{
    protected override string TypeOf(AutomationJobEvent item) => item.Type;

    protected override async Task HandleAsync(AutomationJobEvent item)
    {
        switch (item.Type)
        {
            case AutomationJobTypes.StartMonitoring:
                if (item.Config is null || string.IsNullOrWhiteSpace(item.ProjectPath))
                {
                    throw new ArgumentException($"Job start_monitoring for project '{ProjectId}' needs ProjectPath and Config.");
                }

                Monitoring = true;
                await PublishStatusAsync("started");
                break;
            case AutomationJobTypes.StopMonitoring:
                Monitoring = false;
                await PublishStatusAsync("stopped");
                break;
            case AutomationJobTypes.HealTestFailure:
                if (string.IsNullOrWhiteSpace(item.TestId) || item.FailureMessage is null)
                {
                    throw new ArgumentException($"Job heal_test_failure for project '{ProjectId}' needs TestId and FailureMessage.");
                }

                await ProjectStream<HealingRequestedEvent>(MaestroStreams.Healing).OnNextAsync(new HealingRequestedEvent(item.TestId, item.FailureMessage, time.GetUtcNow()));
                break;
            default:
                // The original logged unknown types and acknowledged them; here they end in the dead letters, visible.
                throw new ArgumentException(
                    $"Unknown automation job type '{item.Type}' for project '{ProjectId}'; expected {AutomationJobTypes.StartMonitoring}, {AutomationJobTypes.StopMonitoring} or {AutomationJobTypes.HealTestFailure}.");
        }
    }

    private Task PublishStatusAsync(string status) =>
        ProjectStream<ResultEvent>(MaestroStreams.Results).OnNextAsync(new ResultEvent(ResultEventTypes.StatusUpdate, ProjectId, status, null, time.GetUtcNow()));
}
