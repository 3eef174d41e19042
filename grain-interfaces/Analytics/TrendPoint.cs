namespace Maestro.GrainInterfaces.Analytics;

/// <summary>One run on a suite's trend line.</summary>
public sealed record TrendPoint(string RunId, string Commit, DateTimeOffset RecordedAt, double PassRate, double DurationMs, int Failed, int Flaky, bool InfrastructureFailure);
