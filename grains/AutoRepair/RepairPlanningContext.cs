using Maestro.GrainInterfaces.AutoRepair;

namespace Maestro.Grains.AutoRepair;

/// <summary>What a repair strategy is asked to fix.</summary>
/// <param name="ProjectId">The watched project.</param>
/// <param name="ProjectPath">Its folder, resolved and under the workspace root; fixes name files relative to it.</param>
/// <param name="RepairId">The repair this plan is for.</param>
/// <param name="Monitor">The monitor that found it; null for a failure reported from outside.</param>
/// <param name="Finding">What is broken.</param>
public sealed record RepairPlanningContext(string ProjectId, string ProjectPath, string RepairId, MonitorDefinition? Monitor, MonitorFinding Finding);
