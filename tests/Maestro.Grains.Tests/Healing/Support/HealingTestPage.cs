using Maestro.Grains.TestRuns.Journeys;
using Microsoft.Playwright;

namespace Maestro.Grains.Tests.Healing;

/// <summary>
/// The journey runner's own Playwright page (locators resolved by the runner's script, as in a real run), with the
/// Playwright page beside it so a test can load and change what it shows.
/// </summary>
public sealed class HealingTestPage : IJourneyPage, IAsyncDisposable
{
    private readonly PlaywrightJourneyPage journeyPage;

    private HealingTestPage(IBrowserContext context, IPage page)
    {
        Page = page;
        journeyPage = new PlaywrightJourneyPage(context, page);
    }

    public IPage Page { get; }

    public string Url => journeyPage.Url;

    /// <summary>A page of a new browser context of <paramref name="browser"/>.</summary>
    public static async Task<HealingTestPage> OpenAsync(IBrowser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync();
        return new HealingTestPage(context, await context.NewPageAsync());
    }

    public Task<string> EvaluateJsonAsync(string functionExpression, CancellationToken cancellationToken) => journeyPage.EvaluateJsonAsync(functionExpression, cancellationToken);

    public Task<int> CountAsync(string locator, CancellationToken cancellationToken) => journeyPage.CountAsync(locator, cancellationToken);

    public Task<string> EvaluateOnElementJsonAsync(string locator, string functionExpression, CancellationToken cancellationToken) =>
        journeyPage.EvaluateOnElementJsonAsync(locator, functionExpression, cancellationToken);

    public Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken) => journeyPage.ScreenshotAsync(cancellationToken);

    public ValueTask DisposeAsync() => journeyPage.DisposeAsync();
}
