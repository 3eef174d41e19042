using Maestro.GrainInterfaces.Audit;
using Maestro.GrainInterfaces.Events;
using Maestro.Runtime.Concurrency;
using Maestro.Runtime.Streams;

namespace Maestro.Grains.Audit;

/// <summary>Appends audit events to their day's <c>maestro.audit</c> stream, on whichever silo takes the call.</summary>
[StatelessWorker]
public sealed class AuditStreamGrain : Grain, IAuditStreamGrain
{
    public Task PublishAsync(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return this.GetStreamProvider(MaestroStreams.ProviderName)
            .GetStream<AuditEvent>(StreamId.Create(MaestroStreams.Audit, AuditEvent.DayOf(auditEvent.Entry)))
            .OnNextAsync(auditEvent);
    }
}
