using System.Collections.Concurrent;
using Maestro.GrainInterfaces.Registry;
using Maestro.Grains.Registry;

namespace Maestro.Grains.Tests.Infrastructure;

/// <summary>A publisher behind the registry's event seam that keeps what it was given, so tests see the events.</summary>
internal sealed class RecordingServiceEventPublisher : IServiceEventPublisher
{
    private readonly ConcurrentQueue<ServiceEvent> events = new();

    public IReadOnlyList<ServiceEvent> Events => [.. events];

    public Task PublishAsync(ServiceEvent serviceEvent, CancellationToken cancellationToken)
    {
        events.Enqueue(serviceEvent);
        return Task.CompletedTask;
    }
}
