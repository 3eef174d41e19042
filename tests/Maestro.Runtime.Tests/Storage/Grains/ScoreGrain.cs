namespace Maestro.Runtime.Tests.Storage.Grains;

public sealed class ScoreGrain([PersistentState("count")] IPersistentState<CountState> score) : Grain, IScoreGrain
{
    public async Task<int> Add(int points)
    {
        score.State.Value += points;
        await score.WriteStateAsync();
        return score.State.Value;
    }

    public Task<int> Get() => Task.FromResult(score.State.Value);
}
