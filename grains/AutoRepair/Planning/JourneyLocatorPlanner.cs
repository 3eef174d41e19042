using Maestro.GrainInterfaces.AutoRepair;
using Maestro.GrainInterfaces.Healing;
using Maestro.Grains.AutoRepair.Monitoring;
using Maestro.Grains.Healing.Locators;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Grains.TestRuns.Journeys;

namespace Maestro.Grains.AutoRepair.Planning;

/// <summary>
/// Repairs a journeys monitor's finding with the locator healing session of the monitor's run: when the journey's
/// newest session healed a locator (and its re-run with the patched journey passed), the project's journeys file is
/// patched the same way, in place. The session's confidence is the fix's confidence.
/// </summary>
public sealed class JourneyLocatorPlanner(IGrainFactory grains, IOptions<TestExecutionOptions> execution) : IRepairPlanner
{
    public const string StrategyName = "locator";

    // The suite's newest sessions are enough: the one that matters is the newest of the journey.
    private const int HealingSessionIndexLimit = 100;

    public async Task<ProposedFix?> PlanAsync(RepairPlanningContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Monitor is not { Output: MonitorOutput.Journeys, ResultFile: { } file } monitor)
        {
            return null;
        }

        var suite = JourneyMonitorRunner.SuiteName(context.ProjectId, monitor.Name);
        if (BrowserJourneyAdapter.JourneyName(suite, context.Finding.Code) is not { } journey)
        {
            return null;
        }

        var sessions = await grains.GetGrain<IHealingSessionIndexGrain>(suite).ListAsync(HealingSessionIndexLimit);
        if (sessions.FirstOrDefault(s => s.TestId == journey) is not { Outcome: HealingOutcome.Healed or HealingOutcome.AwaitingReview or HealingOutcome.Approved } line
            || await grains.GetGrain<IHealingSessionGrain>(line.SessionId).GetAsync() is not { } session
            || session.Fix is not { Strategy: HealingStrategy.Locator, Replacement: { } replacement } fix
            || session.Failure is not { StepIndex: { } step, Locator: { } locator })
        {
            return null;
        }

        var path = WorkspacePathGuard.ResolveFile(execution.Value.WorkspaceRoot, context.ProjectPath, file, "resultFile");
        var (patched, _, _) = YamlLocatorPatch.Replace(await File.ReadAllTextAsync(path, cancellationToken), journey, step, locator, replacement);
        return patched is null
            ? null
            : new ProposedFix(
                StrategyName,
                fix.Confidence,
                $"{fix.Description} of journey '{journey}' in {file}; healed during the monitor's run and validated there by a re-run of the patched journey (healing session {line.SessionId}).",
                [new FileChange(file, patched)],
                line.SessionId);
    }
}
