namespace Maestro.GrainInterfaces.Analytics;

/// <summary>A test's kept history (newest first) and what follows from it.</summary>
/// <param name="Suite">The suite the test belongs to.</param>
/// <param name="TestId">The test's stable id.</param>
/// <param name="Entries">Newest first.</param>
/// <param name="PassRate">(passed + flaky) ÷ runs that were not skipped, over the kept history; 1 when there are none.</param>
/// <param name="Durations">Over runs that counted.</param>
/// <param name="Branches">One trend per branch, by name.</param>
/// <param name="Flakiness">The flaky verdict, over the branch asked for or all branches.</param>
public sealed record TestHistoryReport(
    string Suite,
    string TestId,
    IReadOnlyList<TestHistoryEntry> Entries,
    double PassRate,
    DurationStatistics Durations,
    IReadOnlyList<BranchTrend> Branches,
    FlakyVerdict Flakiness);
