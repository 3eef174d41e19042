using Microsoft.Extensions.Options;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// Runs browser journeys with Selenium WebDriver through ChromeDriver on the configured Chromium (suites with adapter
/// <c>selenium</c>). One ChromeDriver session for the adapter's lifetime; journeys take turns on it, each from a clean
/// window.
/// </summary>
public sealed class SeleniumJourneyAdapter(IOptions<BrowserJourneyOptions> options, ILocatorObserver? observer = null, ActiveJourneySuites? activeSuites = null)
    : BrowserJourneyAdapter(options.Value, observer, activeSuites), IAsyncDisposable
{
    public const string AdapterName = "selenium";

    private readonly SeleniumBrowserHost host = new(options.Value);

    public override string Name => AdapterName;

    public ValueTask DisposeAsync() => host.DisposeAsync();

    protected override Task<JourneyPageLease> OpenPageAsync(CancellationToken cancellationToken) => host.OpenPageAsync(cancellationToken);
}
