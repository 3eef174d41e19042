using Maestro.GrainInterfaces.TestRuns;

namespace Maestro.Grains.Analytics;

/// <summary>One failing test as clustering sees it: its last failing attempt.</summary>
public sealed record FailureSample(string TestId, TestOutcome Outcome, string? Message, string? StackTrace, string? FailureType);
