namespace Maestro.GrainInterfaces.Analytics;

/// <summary>One page of a suite's runs, newest first. <paramref name="Page"/> counts from 1.</summary>
public sealed record RunPage(IReadOnlyList<SuiteRunSummary> Items, int Page, int PageSize, int TotalItems);
