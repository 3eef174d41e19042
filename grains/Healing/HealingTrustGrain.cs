using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing;

/// <summary>A suite's learned trust in each locator score term (key: the suite).</summary>
public sealed class HealingTrustGrain(
    [PersistentState("healing-trust")] IPersistentState<HealingTrustState> state,
    IOptions<HealingOptions> options) : Grain, IHealingTrustGrain
{
    public Task<IReadOnlyDictionary<string, double>> GetTrustAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, double>>(new Dictionary<string, double>(state.State.Trust, StringComparer.Ordinal));

    public async Task LearnAsync(IReadOnlyList<ScoreTerm> terms, bool approved)
    {
        ArgumentNullException.ThrowIfNull(terms);
        TrustLearner.Learn(state.State.Trust, terms, approved, options.Value);
        if (approved)
        {
            state.State.Approvals++;
        }
        else
        {
            state.State.Rejections++;
        }

        await state.WriteStateAsync();
    }
}
