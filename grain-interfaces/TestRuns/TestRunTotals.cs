namespace Maestro.GrainInterfaces.TestRuns;

/// <summary>Counts of a run's tests by status, counted from the tests themselves (never from a file's header).</summary>
/// <param name="Total">Distinct tests.</param>
/// <param name="Passed">Passed on their only or first attempt.</param>
/// <param name="Failed">Failed an assertion on the last attempt.</param>
/// <param name="Flaky">Passed on a retry after failing.</param>
/// <param name="Skipped">Never ran.</param>
/// <param name="Error">Errored on the last attempt.</param>
/// <param name="Attempts">Attempts of all tests, retries included.</param>
/// <param name="PassRate">(passed + flaky) ÷ (total − skipped); 1 when nothing ran. Flaky tests passed in the end.</param>
public sealed record TestRunTotals(int Total, int Passed, int Failed, int Flaky, int Skipped, int Error, int Attempts, double PassRate);
