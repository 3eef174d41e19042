using Maestro.GrainInterfaces.AutoRepair;

namespace Maestro.Silo.Model.Automation;

/// <summary>Every watched project that is running.</summary>
public sealed record ActiveOrchestrators(int Count, IReadOnlyList<AutomationStatus> Orchestrators);
