namespace Maestro.Runtime.Streams;

/// <summary>Delegate overloads of subscribe and resume, as Orleans' <c>AsyncObservableExtensions</c>.</summary>
public static class AsyncObservableExtensions
{
    public static Task<StreamSubscriptionHandle<T>> SubscribeAsync<T>(this IAsyncStream<T> stream, Func<T, StreamSequenceToken?, Task> onNextAsync, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(onNextAsync);
        return stream.SubscribeAsync(new DelegateAsyncObserver<T>(onNextAsync), token);
    }

    public static Task<StreamSubscriptionHandle<T>> ResumeAsync<T>(this StreamSubscriptionHandle<T> handle, Func<T, StreamSequenceToken?, Task> onNextAsync, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(handle);
        ArgumentNullException.ThrowIfNull(onNextAsync);
        return handle.ResumeAsync(new DelegateAsyncObserver<T>(onNextAsync), token);
    }
}
