namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// Told about every locator a journey step resolves, and asked for a replacement when one does not resolve to exactly
/// one element. Locator healing implements it: it keeps a reference of each element from green runs and scores the
/// live page's candidates against it.
/// </summary>
public interface ILocatorObserver
{
    /// <summary>The step's locator matched exactly one element and the step passed.</summary>
    Task OnResolvedAsync(JourneyLocatorContext context, IJourneyPage page, CancellationToken cancellationToken);

    /// <summary>
    /// The step's locator matched <paramref name="matchCount"/> elements (0, or more than 1) after its wait. Returns
    /// a locator to retry the step with once, or null to let the step fail.
    /// </summary>
    Task<string?> OnUnresolvedAsync(JourneyLocatorContext context, IJourneyPage page, int matchCount, CancellationToken cancellationToken);
}
