using System.Collections.Concurrent;
using Maestro.Runtime.Configuration;

namespace Maestro.Runtime.Messaging;

/// <summary>
/// Calls waiting for a response. One sweep timer fails the overdue ones with <see cref="TimeoutException"/>, as
/// Orleans' callback table does, instead of a timer per call.
/// </summary>
internal sealed class PendingCalls : IDisposable
{
    private readonly ConcurrentDictionary<long, Message> pending = new();
    private readonly Timer sweeper;

    public PendingCalls(IOptions<MessagingOptions> options)
    {
        var timeout = options.Value.ResponseTimeout;
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), timeout, "MessagingOptions.ResponseTimeout must be positive.");
        }

        var period = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 10, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromSeconds(1).Ticks));
        sweeper = new Timer(static s => ((PendingCalls)s!).Sweep(), this, period, period);
    }

    public int Count => pending.Count;

    public void Add(Message message) => pending[message.Id] = message;

    public void Remove(Message message) => pending.TryRemove(message.Id, out _);

    /// <summary>Fails every waiting call, for a silo that stops without finishing them.</summary>
    public void FailAll(Exception error)
    {
        foreach (var message in pending.Values)
        {
            Remove(message);
            message.Response?.TrySetException(error);
        }
    }

    public void Dispose() => sweeper.Dispose();

    private void Sweep()
    {
        var now = Environment.TickCount64;
        foreach (var message in pending.Values)
        {
            if (message.Response?.Completion.IsCompleted == true)
            {
                Remove(message);
            }
            else if (now >= message.Deadline)
            {
                Remove(message);
                message.Response?.TrySetException(new TimeoutException(
                    $"Response did not arrive on time in {message.Timeout} for call {message.Method} to {message.Target}" +
                    (message.Source is { } source ? $" from {source}" : string.Empty) +
                    ". If the grains call each other in a cycle, use RequestContext.AllowCallChainReentrancy() or mark the method [AlwaysInterleave]."));
            }
        }
    }
}
