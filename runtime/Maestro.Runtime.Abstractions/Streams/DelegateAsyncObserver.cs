namespace Maestro.Runtime.Streams;

/// <summary>An observer made of a delegate, for the delegate overloads of <see cref="AsyncObservableExtensions"/>.</summary>
internal sealed class DelegateAsyncObserver<T>(Func<T, StreamSequenceToken?, Task> onNext) : IAsyncObserver<T>
{
    public Task OnNextAsync(T item, StreamSequenceToken? token = null) => onNext(item, token);
}
