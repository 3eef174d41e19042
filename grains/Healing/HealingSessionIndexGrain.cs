using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing;

/// <summary>A suite's healing sessions (key: the suite), the newest <see cref="MaxSessions"/>.</summary>
public sealed class HealingSessionIndexGrain([PersistentState("healing-session-index")] IPersistentState<HealingSessionIndexState> state)
    : Grain, IHealingSessionIndexGrain
{
    public const int MaxSessions = 1000;

    public async Task UpsertAsync(HealingSessionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var sessions = state.State.Sessions;
        var at = sessions.FindIndex(s => s.SessionId == summary.SessionId);
        if (at >= 0)
        {
            sessions[at] = summary;
        }
        else
        {
            sessions.Add(summary);
            if (sessions.Count > MaxSessions)
            {
                sessions.RemoveAt(0);
            }
        }

        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<HealingSessionSummary>> ListAsync(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Task.FromResult<IReadOnlyList<HealingSessionSummary>>([.. Enumerable.Reverse(state.State.Sessions).Take(limit)]);
    }
}
