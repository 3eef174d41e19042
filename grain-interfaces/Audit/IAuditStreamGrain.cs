namespace Maestro.GrainInterfaces.Audit;

/// <summary>
/// Publishes audit events on the <c>maestro.audit</c> stream from inside the cluster (a stateless worker, key 0), so
/// any host with an <see cref="IGrainFactory"/> can append through the stream: the REST gateway's cluster client has
/// no stream provider of its own.
/// </summary>
public interface IAuditStreamGrain : IGrainWithIntegerKey
{
    /// <summary>Appends <paramref name="auditEvent"/> to the day's stream; durable when the task completes.</summary>
    Task PublishAsync(AuditEvent auditEvent);
}
