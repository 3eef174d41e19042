using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Grains.TestRuns.Journeys;

namespace Maestro.Grains.Tests.Journeys;

/// <summary>
/// One page server, one Playwright browser and one Selenium session for a test class, and a fresh artifact folder;
/// the browsers start on the first journey and are closed (processes and all) on dispose.
/// </summary>
public class JourneyFixture : IAsyncLifetime
{
    public const string SuiteName = "shop";

    private readonly ILocatorObserver? observer;
    private StaticPageServer? server;

    public JourneyFixture()
        : this(null)
    {
    }

    protected JourneyFixture(ILocatorObserver? observer) => this.observer = observer;

    public Uri BaseUrl => server!.BaseUrl;

    public string ArtifactDirectory { get; } = Path.Combine(Path.GetTempPath(), "maestro-journeys-" + Guid.NewGuid().ToString("N"));

    /// <summary>A switch Chromium ignores, on this fixture's browsers only, so a test can tell them from other tests' (<see cref="BrowserProcesses"/>).</summary>
    public string Marker { get; } = "--maestro-test-fixture=" + Guid.NewGuid().ToString("N");

    /// <summary>Short waits, so the failing journeys end quickly; the passing ones never wait that long.</summary>
    public BrowserJourneyOptions Options { get; } = new() { StepTimeout = TimeSpan.FromSeconds(3) };

    public PlaywrightJourneyAdapter Playwright { get; private set; } = null!;

    public SeleniumJourneyAdapter Selenium { get; private set; } = null!;

    public ITestAdapter Adapter(string name) => name switch
    {
        PlaywrightJourneyAdapter.AdapterName => Playwright,
        SeleniumJourneyAdapter.AdapterName => Selenium,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "playwright or selenium"),
    };

    public TestSuiteSpec Suite(string adapter, string yaml, IReadOnlyDictionary<string, string>? environment = null) =>
        new(SuiteName, adapter, yaml, null, null, null, BaseUrl.AbsoluteUri, environment, null);

    /// <summary>Runs every journey of the file on the adapter; one attempt per journey, by journey name.</summary>
    public async Task<Dictionary<string, TestAttempt>> RunAsync(string adapter, string yaml, IReadOnlyDictionary<string, string>? environment = null)
    {
        var results = await Adapter(adapter).RunAsync(Suite(adapter, yaml, environment), null, new("run-1", 0, 1, ArtifactDirectory), TestContext.Current.CancellationToken);
        return results.ToDictionary(r => r.TestId[(SuiteName.Length + 1)..], r => r.Attempts.Single());
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(ArtifactDirectory);
        Options.LaunchArguments.Add(Marker);
        server = await StaticPageServer.StartAsync(JourneyPages.ByPath);
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        Playwright = new PlaywrightJourneyAdapter(options, observer);
        Selenium = new SeleniumJourneyAdapter(options, observer);
    }

    public async ValueTask DisposeAsync()
    {
        await Playwright.DisposeAsync();
        await Selenium.DisposeAsync();
        await server!.DisposeAsync();
        Directory.Delete(ArtifactDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
