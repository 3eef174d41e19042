namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>How <c>assert-text</c> and <c>assert-url</c> compare the actual value with the expected one.</summary>
public enum JourneyTextMatch
{
    Equals,
    Contains,

    /// <summary>A .NET regular expression (assert-url only), matched anywhere in the URL.</summary>
    Matches,
}
