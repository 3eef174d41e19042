using Maestro.GrainInterfaces.Events;
using Maestro.Runtime;
using Maestro.Runtime.Streams;

namespace Maestro.Grains.Events;

/// <summary>
/// What the three worker grains share: attach to the implicit subscription, count what was handled, publish to other
/// namespaces of the same project. A handler that throws is retried by the stream provider and, after its last
/// attempt, the event lands in the dead letters with the error: unlike the original, nothing fails silently.
/// </summary>
public abstract class EventWorkerGrain<TEvent> : Grain, IStreamSubscriptionObserver, IAsyncObserver<TEvent>
{
    private readonly Dictionary<string, long> byType = new(StringComparer.Ordinal);
    private long handled;

    protected bool Monitoring { get; set; }

    /// <summary>The project this worker serves: its key, and the key of every stream it reads and writes.</summary>
    protected string ProjectId => this.GetPrimaryKeyString();

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<TEvent>().ResumeAsync(this);
    }

    public async Task OnNextAsync(TEvent item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        await HandleAsync(item);
        handled++;
        var type = TypeOf(item);
        byType[type] = byType.GetValueOrDefault(type) + 1;
    }

    public Task<WorkerStatistics> GetStatistics() => Task.FromResult(new WorkerStatistics(handled, new Dictionary<string, long>(byType, StringComparer.Ordinal), Monitoring));

    protected abstract Task HandleAsync(TEvent item);

    protected abstract string TypeOf(TEvent item);

    /// <summary>This project's stream in <paramref name="streamNamespace"/>.</summary>
    protected IAsyncStream<T> ProjectStream<T>(string streamNamespace) =>
        this.GetStreamProvider(MaestroStreams.ProviderName).GetStream<T>(StreamId.Create(streamNamespace, ProjectId));
}
