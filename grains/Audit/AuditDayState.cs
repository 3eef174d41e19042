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

    /// <summary>
    /// The newest appended event ids (at most <see cref="AuditDayGrain.RecentEventLimit"/>), written with the record
    /// they became, so a redelivered event is recognised in the same write that would have duplicated it.
    /// </summary>
    public List<AuditEventReceipt> RecentEvents { get; set; } = [];
}
