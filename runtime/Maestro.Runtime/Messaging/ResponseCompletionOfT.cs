namespace Maestro.Runtime.Messaging;

/// <summary>A typed response. Continuations run asynchronously so a caller never runs inside the grain's turn.</summary>
internal sealed class ResponseCompletion<T> : ResponseCompletion
{
    private readonly TaskCompletionSource<T> source = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Task => source.Task;

    public override Task Completion => source.Task;

    public override bool TrySetResult(object? result) => source.TrySetResult(result is null ? default! : (T)result);

    public override bool TrySetException(Exception exception) => source.TrySetException(exception);

    public override bool TrySetCanceled(CancellationToken cancellationToken) => source.TrySetCanceled(cancellationToken);
}
