namespace Maestro.Runtime.Streams;

/// <summary>
/// Receives a stream's events, one at a time and in order, as Orleans' <c>IAsyncObserver&lt;T&gt;</c>. Persistent
/// streams never complete, so Orleans' OnCompletedAsync and OnErrorAsync are left out: a failure is a dead letter.
/// </summary>
public interface IAsyncObserver<in T>
{
    /// <summary>One event. Throwing makes the provider retry it with backoff, then put it in the dead letters.</summary>
    Task OnNextAsync(T item, StreamSequenceToken? token = null);
}
