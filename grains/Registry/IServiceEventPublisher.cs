using Maestro.GrainInterfaces.Registry;

namespace Maestro.Grains.Registry;

/// <summary>
/// Where service grains send every change (registration, status change, deregistration). The one seam for events:
/// <see cref="LoggingServiceEventPublisher"/> by default; the silo registers <see cref="StreamServiceEventPublisher"/>
/// (the <c>maestro.registry.services</c> stream, and the same log entry) without touching the grains. Called after the change is stored; a failure is logged by the grain
/// and does not undo the change (the status history keeps it).
/// </summary>
public interface IServiceEventPublisher
{
    Task PublishAsync(ServiceEvent serviceEvent, CancellationToken cancellationToken);
}
