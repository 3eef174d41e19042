namespace Maestro.GrainInterfaces.Analytics;

/// <summary>A test found flaky or broken, with its verdict's evidence.</summary>
public sealed record FlakyTest(string TestId, FlakyVerdict Verdict);
