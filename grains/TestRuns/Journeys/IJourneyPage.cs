namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>The live page a journey runs on, whichever browser driver (Playwright or Selenium) is behind it.</summary>
/// <remarks>Locators use Maestro's one syntax (README, "Browser journeys"), which both drivers resolve the same way.</remarks>
public interface IJourneyPage
{
    /// <summary>The page's current address.</summary>
    string Url { get; }

    /// <summary>Evaluates a JavaScript function expression with no arguments, e.g. <c>() => document.title</c>, in the top frame; returns its result as JSON.</summary>
    Task<string> EvaluateJsonAsync(string functionExpression, CancellationToken cancellationToken);

    /// <summary>How many elements the locator matches now, without waiting.</summary>
    Task<int> CountAsync(string locator, CancellationToken cancellationToken);

    /// <summary>Evaluates a function expression whose one argument is the single element the locator matches; returns its result as JSON.</summary>
    Task<string> EvaluateOnElementJsonAsync(string locator, string functionExpression, CancellationToken cancellationToken);

    /// <summary>A PNG of the visible page.</summary>
    Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken);
}
