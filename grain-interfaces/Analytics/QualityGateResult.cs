namespace Maestro.GrainInterfaces.Analytics;

/// <summary>A run against a quality gate: passed only when every check passed.</summary>
public sealed record QualityGateResult(bool Passed, IReadOnlyList<QualityGateCheck> Checks);
