using System.Threading.Channels;

namespace Maestro.Bench.Baselines;

/// <summary>
/// The raw floor under a grain call: one consumer loop reads requests from a <see cref="Channel{T}"/> and completes
/// each request's <see cref="TaskCompletionSource{TResult}"/>. Like a grain call it crosses to another thread and back
/// (two thread-pool hops), with none of the runtime's bookkeeping.
/// </summary>
internal sealed class ChannelRoundTrip : IAsyncDisposable
{
    private readonly Channel<ChannelRequest> channel =
        Channel.CreateUnbounded<ChannelRequest>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });

    private readonly Task consumer;

    public ChannelRoundTrip() => consumer = Task.Run(ConsumeAsync);

    public Task<int> Ping(int value)
    {
        var request = new ChannelRequest(value);
        return channel.Writer.TryWrite(request)
            ? request.Completion.Task
            : Task.FromException<int>(new InvalidOperationException("The channel baseline is closed."));
    }

    public async ValueTask DisposeAsync()
    {
        channel.Writer.TryComplete();
        await consumer;
    }

    private async Task ConsumeAsync()
    {
        var reader = channel.Reader;
        while (await reader.WaitToReadAsync())
        {
            while (reader.TryRead(out var request))
            {
                request.Completion.SetResult(request.Value + 1);
            }
        }
    }
}
