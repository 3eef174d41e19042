namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>The failure types a journey attempt reports; the first is a test failure (Failed), the others errors.</summary>
public static class JourneyFailureTypes
{
    /// <summary>An assert-* step's expectation did not hold within its wait.</summary>
    public const string AssertionFailed = "Maestro.Journeys.AssertionFailed";

    /// <summary>A locator matched no element, or more than one, within its wait (and no observer healed it).</summary>
    public const string LocatorNotFound = "Maestro.Journeys.LocatorNotFound";

    /// <summary>The browser rejected a locator (e.g. CSS its parser refuses).</summary>
    public const string LocatorMalformed = "Maestro.Journeys.LocatorMalformed";

    /// <summary>An element stayed hidden, disabled or read-only, or a wait-for state never came, within the wait.</summary>
    public const string Timeout = "Maestro.Journeys.Timeout";

    /// <summary>A navigation did not load: refused, unresolvable, timed out, or a relative URL with no base URL.</summary>
    public const string NavigationFailed = "Maestro.Journeys.NavigationFailed";

    /// <summary>A select step's option is not among the list's options.</summary>
    public const string OptionNotFound = "Maestro.Journeys.OptionNotFound";

    /// <summary>The browser or its driver failed (crashed, disconnected, refused a command).</summary>
    public const string BrowserError = "Maestro.Journeys.BrowserError";

    /// <summary>
    /// Not a failure: a Passed attempt carries it when a locator was healed during the run. The journey passed on the
    /// healed locator, and its definition still has the old one.
    /// </summary>
    public const string PassedAfterHealing = "Maestro.Journeys.PassedAfterHealing";

    /// <summary>A test id asked for is not a journey of the suite.</summary>
    public const string UnknownJourney = "Maestro.Journeys.UnknownJourney";
}
