using Maestro.GrainInterfaces.AutoRepair;

namespace Maestro.Silo.Model.Automation;

/// <summary>The answer to a start: the original's shape, with the whole status.</summary>
public sealed record StartAutomationResponse(bool Success, string OrchestratorId, string Message, AutomationStatus Status);
