using Maestro.GrainInterfaces.AutoRepair;

namespace Maestro.Silo.Model.Automation;

/// <summary>The answer to a heal request: the queued repair, or why nothing was queued.</summary>
public sealed record HealResponse(bool Success, string Message, RepairRecord? Repair);
