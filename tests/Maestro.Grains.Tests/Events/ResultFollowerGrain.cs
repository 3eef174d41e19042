using Maestro.GrainInterfaces.Events;
using Maestro.Runtime;
using Maestro.Runtime.Streams;

namespace Maestro.Grains.Tests.Events;

/// <summary>Follows the results namespace as a client of the platform would, recording into <see cref="ResultLog"/>.</summary>
[ImplicitStreamSubscription(MaestroStreams.Results)]
public sealed class ResultFollowerGrain(ResultLog log) : Grain, IResultFollowerGrain, IStreamSubscriptionObserver
{
    public Task Ping() => Task.CompletedTask;

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        var project = handleFactory.StreamId.Key;
        await handleFactory.Create<ResultEvent>().ResumeAsync((item, _) =>
        {
            log.Events.Enqueue((project, item));
            return Task.CompletedTask;
        });
    }
}
