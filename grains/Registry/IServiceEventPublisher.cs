using Maestro.GrainInterfaces.Registry;

namespace Maestro.Grains.Registry;

/// <summary>
/// Where service grains send every change (registration, status change, deregistration). The one seam for events:
/// the silo registers <see cref="LoggingServiceEventPublisher"/> today; a stream-backed publisher replaces it when
/// streams exist, without touching the grains. Called after the change is stored; a failure is logged by the grain
/// and does not undo the change (the status history keeps it).
/// </summary>
public interface IServiceEventPublisher
{
    Task PublishAsync(ServiceEvent serviceEvent, CancellationToken cancellationToken);
}
