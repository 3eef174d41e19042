namespace Maestro.Bench.Grains;

/// <summary>Changes its state and calls <c>WriteStateAsync</c> on every call: one storage write per grain call.</summary>
public sealed class StateWriterGrain([PersistentState("bench")] IPersistentState<WriterState> state) : Grain, IStateWriterGrain
{
    public async Task<long> Write(int value)
    {
        state.State.Apply(value, DateTime.UtcNow);
        await state.WriteStateAsync();
        return state.State.Version;
    }
}
