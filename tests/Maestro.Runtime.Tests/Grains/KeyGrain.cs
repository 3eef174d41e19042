namespace Maestro.Runtime.Tests.Grains;

public sealed class KeyGrain([PersistentState("value")] IPersistentState<CounterState> value) : Grain, IKeyGrain
{
    public Task<string> Key() => Task.FromResult(this.GetPrimaryKeyString());

    public async Task<int> Store(int number)
    {
        value.State.Value = number;
        await value.WriteStateAsync();
        return number;
    }

    public Task<int> Load() => Task.FromResult(value.State.Value);
}
