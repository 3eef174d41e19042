namespace Maestro.GrainInterfaces.AutoRepair;

/// <summary>What a repair strategy proposes for a finding.</summary>
/// <param name="Strategy">Which strategy proposed it, e.g. <c>locator</c>.</param>
/// <param name="Confidence">From 0 to 1.</param>
/// <param name="Explanation">Why, for the person who reviews it.</param>
/// <param name="Changes">The files it rewrites.</param>
/// <param name="HealingSessionId">The healing session with the candidates and evidence, when healing produced it.</param>
public sealed record ProposedFix(string Strategy, double Confidence, string Explanation, IReadOnlyList<FileChange> Changes, string? HealingSessionId = null);
