using Maestro.GrainInterfaces.AutoRepair;
using Maestro.GrainInterfaces.Events;
using Maestro.Grains.AutoRepair.Monitoring;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Runtime.Streams;

namespace Maestro.Grains.Events;

/// <summary>
/// The original's automation worker, per project: start_monitoring and stop_monitoring start and stop the project's
/// auto-repair (which publishes the status updates), heal_test_failure jobs go on to the healing stream.
/// </summary>
[ImplicitStreamSubscription(MaestroStreams.AutomationJobs)]
public sealed class AutomationWorkerGrain(TimeProvider time, IOptions<TestExecutionOptions> execution) : EventWorkerGrain<AutomationJobEvent>, IAutomationWorkerGrain
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

                // The project publishes "started" on the results stream itself.
                await Automation.Start(ToProjectConfig(item.ProjectPath, item.Config));
                Monitoring = true;
                break;
            case AutomationJobTypes.StopMonitoring:
                await Automation.Stop();
                Monitoring = false;
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

    private IProjectAutomationGrain Automation => GrainFactory.GetGrain<IProjectAutomationGrain>(ProjectId);

    // The original's job carried no monitors: they are chosen from the project's files, as it did.
    private AutomationProjectConfig ToProjectConfig(string projectPath, MonitoringConfig config)
    {
        var resolved = WorkspacePathGuard.ResolveWorkingDirectory(execution.Value.WorkspaceRoot, projectPath);
        return new AutomationProjectConfig(
            projectPath,
            MonitorDetector.Detect(resolved),
            config.AutoFix,
            config.RequireApproval,
            config.ConfidenceThreshold,
            config.AutoCommit,
            config.MaxConcurrentRepairs);
    }
}
