namespace Maestro.GrainInterfaces.Audit;

/// <summary>
/// The audit records of one UTC day (key <c>yyyy-MM-dd</c>), append-only. It keeps the newest records in its own
/// state and seals every full chunk into an <see cref="IAuditChunkGrain"/>, so an append never rewrites the whole day.
/// </summary>
public interface IAuditDayGrain : IGrainWithStringKey
{
    /// <summary>Appends durably (the state is written before this returns) and returns the record with its id.</summary>
    Task<AuditRecord> AppendAsync(AuditEntry entry);

    /// <summary>
    /// Appends <paramref name="auditEvent"/> unless its event id was appended already (then returns that record):
    /// what the <c>maestro.audit</c> stream delivers, and what the publisher calls directly so the record is readable
    /// at once. Idempotent by event id, so the two paths and any redelivery store one record.
    /// </summary>
    Task<AuditRecord> AppendEventAsync(AuditEvent auditEvent);

    /// <summary>The day's records matching <paramref name="filter"/>, in append order.</summary>
    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditFilter filter);

    /// <summary>Deletes the day's records (retention); returns how many there were.</summary>
    Task<int> PurgeAsync();
}
