namespace Maestro.Bench.Baselines;

/// <summary>A request of the channel baseline: the value, and the completion its caller awaits.</summary>
internal sealed class ChannelRequest(int value)
{
    public int Value => value;

    // As the runtime's responses: the caller's continuation never runs inline on the consumer's thread.
    public TaskCompletionSource<int> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
