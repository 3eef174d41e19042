using Maestro.GrainInterfaces.Events;
using Maestro.GrainInterfaces.Registry;
using Maestro.Runtime.Streams;

namespace Maestro.Grains.Tests.Registry;

/// <summary>Follows the registry stream as a consumer of the platform would, recording into <see cref="ServiceEventLog"/>.</summary>
[ImplicitStreamSubscription(MaestroStreams.ServiceEvents)]
public sealed class ServiceEventFollowerGrain(ServiceEventLog log) : Grain, IServiceEventFollowerGrain, IStreamSubscriptionObserver
{
    public Task Ping() => Task.CompletedTask;

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<ServiceEvent>().ResumeAsync((item, _) =>
        {
            log.Events.Enqueue(item);
            return Task.CompletedTask;
        });
    }
}
