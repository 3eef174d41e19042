namespace Maestro.GrainInterfaces.Analytics;

/// <summary>A test's flakiness with the evidence behind it.</summary>
/// <param name="Classification">The verdict.</param>
/// <param name="RunsConsidered">Runs in the window that counted (not skipped, not infrastructure failures).</param>
/// <param name="RunsExcludedAsInfrastructure">Runs in the history left out because most of their tests failed.</param>
/// <param name="SameCommitEvidence">Commits on which the test both passed and failed (including passing on a retry).</param>
/// <param name="FlipRate">Pass↔fail switches ÷ (runs − 1) over the window; null with fewer than the minimum runs.</param>
/// <param name="EwmaFlipRate">The exponentially weighted flip rate (recent switches weigh more); null like FlipRate.</param>
/// <param name="FailureRate">Failed runs ÷ runs over the window; null below the minimum sample.</param>
/// <param name="Reasons">One line per signal that fired.</param>
public sealed record FlakyVerdict(
    FlakyClassification Classification,
    int RunsConsidered,
    int RunsExcludedAsInfrastructure,
    IReadOnlyList<string> SameCommitEvidence,
    double? FlipRate,
    double? EwmaFlipRate,
    double? FailureRate,
    IReadOnlyList<string> Reasons);
