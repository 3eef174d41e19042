namespace Maestro.GrainInterfaces.Healing;

/// <summary>
/// How far locator healing trusts each score term in a suite (key: the suite), learned from people's approvals and
/// rejections: a term that spoke for a rejected heal counts less next time, one behind an approved heal more.
/// </summary>
public interface IHealingTrustGrain : IGrainWithStringKey
{
    /// <summary>A multiplier per term name (1 when nothing was learned).</summary>
    Task<IReadOnlyDictionary<string, double>> GetTrustAsync();

    /// <summary>Learns from a reviewed heal's score terms.</summary>
    Task LearnAsync(IReadOnlyList<ScoreTerm> terms, bool approved);
}
