namespace Maestro.GrainInterfaces.Analytics;

/// <summary>A test on one branch: how often it passed and how long it took, and its most recent status.</summary>
public sealed record BranchTrend(string Branch, int Runs, double PassRate, DurationStatistics Durations, TestRuns.TestStatus LastStatus);
