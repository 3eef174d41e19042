using Maestro.GrainInterfaces.Audit;

namespace Maestro.Grains.Audit;

/// <summary>
/// The audit log through the <c>maestro.audit</c> stream: an entry becomes an <see cref="AuditEvent"/> with a new
/// event id, appended durably to the day's stream (the day grain's implicit subscription appends it, at least once),
/// then handed to the day grain directly so the answer carries its record id and a query right after sees it. The
/// day grain appends an event id once, so the two paths and any redelivery store one record. If the direct append
/// fails, the event is in the stream already and the subscription appends it; the caller still sees the failure.
/// Queries read the day grains, as <see cref="GrainAuditLog"/> does.
/// </summary>
public sealed class StreamAuditLog(IGrainFactory grains, GrainAuditLog reader) : IAuditLog
{
    public async Task<AuditRecord> AppendAsync(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var auditEvent = new AuditEvent(Guid.NewGuid().ToString("N"), entry);
        await grains.GetGrain<IAuditStreamGrain>(0).PublishAsync(auditEvent);
        return await grains.GetGrain<IAuditDayGrain>(AuditEvent.DayOf(entry)).AppendEventAsync(auditEvent);
    }

    public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditFilter filter) => reader.QueryAsync(filter);
}
