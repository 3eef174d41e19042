namespace Maestro.Runtime.Streams;

/// <summary>The handle of an explicit (stored) or implicit (declared) subscription.</summary>
internal sealed class PersistentStreamSubscriptionHandle<T>(PersistentStreamProvider provider, StreamId streamId, Guid handleId, bool isImplicit) : StreamSubscriptionHandle<T>
{
    public override Guid HandleId { get; } = handleId;

    public override StreamId StreamId { get; } = streamId;

    public override string ProviderName => provider.Name;

    public bool IsImplicit { get; } = isImplicit;

    public override async Task<StreamSubscriptionHandle<T>> ResumeAsync(IAsyncObserver<T> observer, StreamSequenceToken? token = null)
    {
        await provider.AttachAsync(PersistentStreamProvider.CallingActivation("ResumeAsync"), this, observer, token);
        return this;
    }

    public override Task UnsubscribeAsync() => provider.UnsubscribeAsync(this);

    public override string ToString() => $"{(IsImplicit ? "implicit" : "explicit")} subscription {HandleId} to {StreamId} ({ProviderName})";
}
