using Maestro.GrainInterfaces.Audit;

namespace Maestro.Grains.Audit;

/// <summary>The persistent state of an <see cref="AuditDayGrain"/>.</summary>
public sealed class AuditDayState
{
    public long NextSequence { get; set; } = 1;

    public int SealedChunks { get; set; }

    /// <summary>The records not sealed into a chunk yet.</summary>
    public List<AuditRecord> Open { get; set; } = [];

    public bool InCatalog { get; set; }
}
