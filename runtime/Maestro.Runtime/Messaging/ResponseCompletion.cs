namespace Maestro.Runtime.Messaging;

/// <summary>The caller's side of a pending call: completed once, by the grain, a timeout or a cancellation.</summary>
internal abstract class ResponseCompletion
{
    public abstract bool TrySetResult(object? result);

    public abstract bool TrySetException(Exception exception);

    public abstract bool TrySetCanceled(CancellationToken cancellationToken);

    public abstract Task Completion { get; }
}
