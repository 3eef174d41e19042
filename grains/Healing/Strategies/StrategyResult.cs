using Maestro.GrainInterfaces.Healing;

namespace Maestro.Grains.Healing.Strategies;

/// <summary>What a strategy found: its fix (or none), the candidates it weighed, and notes for people.</summary>
public sealed record StrategyResult(HealingFix? Fix, IReadOnlyList<HealingCandidate> Candidates, IReadOnlyList<string> Notes)
{
    public static StrategyResult None(string reason) => new(null, [], [reason]);
}
