namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>A step could not do what it says: a navigation failed, a wait timed out, a locator the browser rejects.</summary>
/// <param name="failureType">What the attempt's <c>FailureType</c> says, one of <see cref="JourneyFailureTypes"/>.</param>
/// <param name="message">What went wrong, for the attempt's message.</param>
/// <param name="inner">The driver's exception, when there was one.</param>
public sealed class JourneyStepException(string failureType, string message, Exception? inner = null) : Exception(message, inner)
{
    public string FailureType { get; } = failureType;
}
