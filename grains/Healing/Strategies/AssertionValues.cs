namespace Maestro.Grains.Healing.Strategies;

/// <summary>An assertion's expected value and the value the run saw.</summary>
public sealed record AssertionValues(string Expected, string Actual);
