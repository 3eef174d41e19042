namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>A journey page that can also act: what each driver does natively (navigation, pointer and keyboard input).</summary>
/// <remarks>Every action acts on the one element the locator matches now, or throws <see cref="JourneyLocatorMatchException"/>; waiting is the runner's job.</remarks>
public interface IJourneyBrowserPage : IJourneyPage
{
    /// <exception cref="JourneyStepException">The page did not load (<see cref="JourneyFailureTypes.NavigationFailed"/>).</exception>
    Task NavigateAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken);

    Task ClickAsync(JourneyLocator locator, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Replaces the control's value with <paramref name="value"/>, as typing would.</summary>
    Task FillAsync(JourneyLocator locator, string value, TimeSpan timeout, CancellationToken cancellationToken);

    Task HoverAsync(JourneyLocator locator, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Presses a key (<see cref="JourneyKeys"/>) with the element focused.</summary>
    Task PressAsync(JourneyLocator locator, string key, TimeSpan timeout, CancellationToken cancellationToken);
}
