namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>An assert-* step's expectation did not hold within its wait: the journey failed (as opposed to erred).</summary>
public sealed class JourneyAssertionException(string message) : Exception(message);
