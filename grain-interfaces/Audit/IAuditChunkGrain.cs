namespace Maestro.GrainInterfaces.Audit;

/// <summary>A sealed, full chunk of one day's audit records (key <c>yyyy-MM-dd#n</c>); written once, then only read.</summary>
public interface IAuditChunkGrain : IGrainWithStringKey
{
    /// <summary>Stores the chunk. Sealing the same chunk again (a retried seal) stores the same records again.</summary>
    Task SealAsync(IReadOnlyList<AuditRecord> records);

    [ReadOnly]
    Task<IReadOnlyList<AuditRecord>> GetAsync();

    Task ClearAsync();
}
