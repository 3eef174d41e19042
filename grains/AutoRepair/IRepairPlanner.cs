using Maestro.GrainInterfaces.AutoRepair;

namespace Maestro.Grains.AutoRepair;

/// <summary>
/// A repair strategy: given a finding in a project, proposes a fix or declines. Every registered planner is asked;
/// the fix with the highest confidence is taken. Healing provides the planners for broken tests.
/// </summary>
public interface IRepairPlanner
{
    /// <summary>A fix for the finding, or null when this strategy has none.</summary>
    Task<ProposedFix?> PlanAsync(RepairPlanningContext context, CancellationToken cancellationToken);
}
