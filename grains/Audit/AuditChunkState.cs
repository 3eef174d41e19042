using Maestro.GrainInterfaces.Audit;

namespace Maestro.Grains.Audit;

/// <summary>The persistent state of an <see cref="AuditChunkGrain"/>.</summary>
public sealed class AuditChunkState
{
    public List<AuditRecord> Records { get; set; } = [];
}
