using Maestro.GrainInterfaces.Events;
using Maestro.GrainInterfaces.Registry;
using Maestro.Runtime.Streams;

namespace Maestro.Grains.Registry;

/// <summary>
/// Publishes every service event on the <c>maestro.registry.services</c> stream (key: the service name), durably
/// before the service grain goes on, and writes the same structured log entry as <see cref="LoggingServiceEventPublisher"/>.
/// Needs the silo's default stream provider; the silo host registers it in place of the logging publisher.
/// </summary>
public sealed class StreamServiceEventPublisher(IClusterClient client, LoggingServiceEventPublisher log) : IServiceEventPublisher
{
    public async Task PublishAsync(ServiceEvent serviceEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceEvent);
        await client.GetStreamProvider(MaestroStreams.ProviderName)
            .GetStream<ServiceEvent>(StreamId.Create(MaestroStreams.ServiceEvents, serviceEvent.ServiceName))
            .OnNextAsync(serviceEvent);
        await log.PublishAsync(serviceEvent, cancellationToken);
    }
}
