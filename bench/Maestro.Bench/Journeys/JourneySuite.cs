using Maestro.Bench.Harness;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Grains.TestRuns.Journeys;
using Microsoft.Playwright;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Maestro.Bench.Journeys;

/// <summary>
/// Journey steps per second through each adapter (a journey of a navigation and <see cref="Steps"/> steps, in a fresh
/// browser context, as a test run asks for it) beside the same actions made with raw Playwright and raw Selenium calls
/// (CSS selectors, no locator resolver, no waiting beyond the driver's own) in the same run, on their own browsers.
/// </summary>
internal sealed class JourneySuite(Uri baseUrl, BenchOptions benchOptions, TextWriter progress, string artifactDirectory) : IAsyncDisposable
{
    /// <summary>The page the journeys drive, served at <c>/bench</c>: a counter button and a labelled input.</summary>
    public const string Page =
        """
        <!doctype html>
        <html><head><title>Bench</title></head><body>
        <h1>Journey bench</h1>
        <button data-testid="inc" onclick="count.textContent = +count.textContent + 1">Add</button>
        <span id="count">0</span>
        <label for="name">Name</label> <input id="name">
        </body></html>
        """;

    /// <summary>Steps per journey after its navigation: 10 rounds of click, fill, assert-text and assert-visible.</summary>
    public const int Steps = 40;

    /// <summary>Both adapters do more per step than a raw call (resolve through the injected resolver, check actionability, act): at least half of raw speed.</summary>
    public const double Target = 0.50;

    /// <summary>Journeys timed per round and side: a journey takes about a second, so counting them in a fixed window would be too coarse.</summary>
    public const int JourneysPerRound = 3;

    private const int Rounds = Steps / 4;

    private static readonly string Journey = BuildJourney();

    private readonly BrowserJourneyOptions options = new();
    private IPlaywright? playwright;
    private IBrowser? rawBrowser;
    private ChromeDriver? rawDriver;
    private PlaywrightJourneyAdapter? playwrightAdapter;
    private SeleniumJourneyAdapter? seleniumAdapter;

    public async Task<IReadOnlyList<Comparison>> RunAsync()
    {
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        playwrightAdapter = new PlaywrightJourneyAdapter(wrapped);
        seleniumAdapter = new SeleniumJourneyAdapter(wrapped);
        playwright = await Playwright.CreateAsync();
        rawBrowser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = options.ChromiumPath, Headless = true, Args = options.LaunchArguments });
        var chrome = new ChromeOptions { BinaryLocation = options.ChromiumPath };
        chrome.AddArguments(options.EffectiveArguments());
        chrome.AddArgument($"--window-size={options.ViewportWidth},{options.ViewportHeight}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(options.ChromeDriverPath)!, Path.GetFileName(options.ChromeDriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        rawDriver = new ChromeDriver(service, chrome);

        return
        [
            await CompareAsync("playwright adapter steps", "raw Playwright calls", () => AdapterJourneyAsync(playwrightAdapter), RawPlaywrightAsync),
            await CompareAsync("selenium adapter steps", "raw Selenium calls", () => AdapterJourneyAsync(seleniumAdapter), RawSeleniumAsync),
        ];
    }

    public async ValueTask DisposeAsync()
    {
        if (playwrightAdapter is not null)
        {
            await playwrightAdapter.DisposeAsync();
        }

        if (seleniumAdapter is not null)
        {
            await seleniumAdapter.DisposeAsync();
        }

        if (rawBrowser is not null)
        {
            await rawBrowser.CloseAsync();
        }

        playwright?.Dispose();
        rawDriver?.Quit();
        rawDriver?.Dispose();
    }

    private static string BuildJourney()
    {
        var steps = Enumerable.Range(1, Rounds).Select(i =>
            $"      - click: testid=inc\n      - fill: {{ locator: label=Name, value: n{i} }}\n      - assert-text: {{ locator: id=count, equals: \"{i}\" }}\n      - assert-visible: id=name\n");
        return "journeys:\n  - name: bench\n    steps:\n      - navigate: /bench\n" + string.Concat(steps);
    }

    /// <summary>
    /// Alternates the baseline and the subject for --rounds rounds of <see cref="JourneysPerRound"/> journeys each,
    /// after one unmeasured journey of each, and keeps the best round of each (noise only ever slows a round down).
    /// </summary>
    private async Task<Comparison> CompareAsync(string figure, string baselineName, Func<Task> subject, Func<Task> baseline)
    {
        await baseline();
        await subject();
        Measurement? bestBaseline = null;
        Measurement? bestSubject = null;
        for (var round = 1; round <= benchOptions.Rounds; round++)
        {
            var b = await MeasureAsync(baselineName, baseline, round);
            var s = await MeasureAsync(figure, subject, round);
            bestBaseline = bestBaseline is null || b.OpsPerSecond > bestBaseline.OpsPerSecond ? b : bestBaseline;
            bestSubject = bestSubject is null || s.OpsPerSecond > bestSubject.OpsPerSecond ? s : bestSubject;
        }

        return new Comparison(figure, bestSubject!, bestBaseline!, Target);
    }

    /// <summary>Steps per second over the round; the latencies are per step, each journey's time over its steps.</summary>
    private async Task<Measurement> MeasureAsync(string name, Func<Task> journey, int round)
    {
        progress.Write($"  {name} (round {round}/{benchOptions.Rounds}) ... ");
        var perStep = new List<double>();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < JourneysPerRound; i++)
        {
            var watch = Stopwatch.StartNew();
            await journey();
            perStep.Add(watch.Elapsed.TotalMicroseconds / (Steps + 1));
        }

        var seconds = total.Elapsed.TotalSeconds;
        var steps = JourneysPerRound * (Steps + 1);
        perStep.Sort();
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{steps / seconds,8:N1} steps/s  {perStep[0] / 1000,6:N1} ms per step at best"));
        return new Measurement(name, 1, steps, seconds, steps / seconds, perStep[perStep.Count / 2], perStep[^1], perStep[^1], perStep[^1], perStep.Average(), 0, 0, 0, 0, 0, 0);
    }

    private async Task AdapterJourneyAsync(ITestAdapter adapter)
    {
        var suite = new TestSuiteSpec("bench", adapter.Name, Journey, null, null, null, baseUrl.AbsoluteUri, null, null);
        var result = (await adapter.RunAsync(suite, null, new TestAdapterContext("bench", 0, 1, artifactDirectory), CancellationToken.None)).Single().Attempts.Single();
        if (result.Outcome != TestOutcome.Passed)
        {
            throw new InvalidOperationException($"the bench journey did not pass on {adapter.Name}: {result.Message}");
        }
    }

    private async Task RawPlaywrightAsync()
    {
        await using var context = await rawBrowser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = options.ViewportWidth, Height = options.ViewportHeight } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseUrl, "bench").AbsoluteUri);
        for (var i = 1; i <= Rounds; i++)
        {
            await page.ClickAsync("[data-testid=inc]");
            await page.FillAsync("#name", $"n{i}");
            Expect(await page.TextContentAsync("#count") == i.ToString(CultureInfo.InvariantCulture), "raw Playwright count");
            Expect(await page.IsVisibleAsync("#name"), "raw Playwright visibility");
        }
    }

    private Task RawSeleniumAsync()
    {
        rawDriver!.Navigate().GoToUrl(new Uri(baseUrl, "bench"));
        for (var i = 1; i <= Rounds; i++)
        {
            rawDriver.FindElement(By.CssSelector("[data-testid=inc]")).Click();
            var name = rawDriver.FindElement(By.Id("name"));
            name.Clear();
            name.SendKeys($"n{i}");
            Expect(rawDriver.FindElement(By.Id("count")).Text == i.ToString(CultureInfo.InvariantCulture), "raw Selenium count");
            Expect(rawDriver.FindElement(By.Id("name")).Displayed, "raw Selenium visibility");
        }

        return Task.CompletedTask;
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{what} did not hold: the baseline is not doing the journey's work");
        }
    }
}
