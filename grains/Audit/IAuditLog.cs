using Maestro.GrainInterfaces.Audit;

namespace Maestro.Grains.Audit;

/// <summary>
/// The one seam through which everything is audited and read back. <see cref="GrainAuditLog"/> appends straight to
/// the day grains; <see cref="StreamAuditLog"/>, which the silo and the gateway use, appends through the
/// <c>maestro.audit</c> stream, without touching the callers.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends durably: when the task completes, the record is stored.</summary>
    Task<AuditRecord> AppendAsync(AuditEntry entry);

    /// <summary>Every record within retention matching <paramref name="filter"/>, oldest first.</summary>
    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditFilter filter);
}
