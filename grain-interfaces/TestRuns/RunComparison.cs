namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>How a run differs from the previous run of the same suite on the same branch.</summary>
/// <param name="PreviousRunId">Null when this is the first run of the suite on the branch.</param>
/// <param name="NewlyFailing">Failed or errored here, and did not fail in the previous run.</param>
/// <param name="Fixed">Failed or errored in the previous run, and passed (or passed on retry) here.</param>
public sealed record RunComparison(string? PreviousRunId, IReadOnlyList<string> NewlyFailing, IReadOnlyList<string> Fixed);
