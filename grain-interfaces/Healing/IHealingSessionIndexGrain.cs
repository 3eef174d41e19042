namespace Maestro.GrainInterfaces.Healing;

/// <summary>A suite's healing sessions, newest first (key: the suite), bounded; each session keeps its line current.</summary>
public interface IHealingSessionIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds a session's line or replaces it.</summary>
    Task UpsertAsync(HealingSessionSummary summary);

    /// <summary>The newest sessions first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<HealingSessionSummary>> ListAsync(int limit);
}
