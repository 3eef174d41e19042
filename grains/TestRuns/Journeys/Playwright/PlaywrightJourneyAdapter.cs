using Microsoft.Extensions.Options;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// Runs browser journeys with Microsoft.Playwright on the configured Chromium (suites with adapter <c>playwright</c>).
/// One browser for the adapter's lifetime, a fresh browser context per journey; journeys of concurrent runs run side
/// by side.
/// </summary>
public sealed class PlaywrightJourneyAdapter(IOptions<BrowserJourneyOptions> options, ILocatorObserver? observer = null, ActiveJourneySuites? activeSuites = null)
    : BrowserJourneyAdapter(options.Value, observer, activeSuites), IAsyncDisposable
{
    public const string AdapterName = "playwright";

    private readonly PlaywrightBrowserHost host = new(options.Value);

    public override string Name => AdapterName;

    public ValueTask DisposeAsync() => host.DisposeAsync();

    protected override async Task<JourneyPageLease> OpenPageAsync(CancellationToken cancellationToken)
    {
        var page = await host.OpenPageAsync(cancellationToken);
        return new JourneyPageLease(page, page.DisposeAsync);
    }
}
