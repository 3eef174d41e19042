namespace Maestro.Grains.Hosting;

/// <summary>
/// One state write at a time for a reentrant grain whose background work and incoming calls both write: interleaved
/// writes would race on the stored version (ETag), and the loser would throw <c>InconsistentStateException</c>.
/// </summary>
public sealed class SerializedStateWriter<TState>(IPersistentState<TState> state)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Writes the current state once every write started before it has finished.</summary>
    public async Task WriteAsync()
    {
        await gate.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            gate.Release();
        }
    }
}
