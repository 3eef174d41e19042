using Maestro.GrainInterfaces.AutoRepair;

namespace Maestro.Silo.Model.Automation;

/// <summary>Repairs, newest first, and how many there are in all.</summary>
public sealed record RepairHistory(IReadOnlyList<RepairRecord> Repairs, int TotalCount);
