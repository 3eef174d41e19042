namespace Maestro.Runtime.Streams;

/// <summary>A named stream provider configured on the silo, as Orleans' <c>IStreamProvider</c>.</summary>
public interface IStreamProvider
{
    string Name { get; }

    /// <summary>True: subscriptions may start from a past token while its event is retained.</summary>
    bool IsRewindable { get; }

    IAsyncStream<T> GetStream<T>(StreamId streamId);
}
