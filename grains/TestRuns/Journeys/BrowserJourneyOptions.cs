namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// The browser journey adapters' settings (configuration section <c>Maestro:BrowserJourneys</c>). The defaults run
/// Debian's Chromium headless, the way the tests and the benchmark do.
/// </summary>
public sealed class BrowserJourneyOptions
{
    public const string SectionName = "BrowserJourneys";

    /// <summary>The Chromium both adapters start. Default <c>/usr/bin/chromium</c>.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>The ChromeDriver the Selenium adapter starts. Default <c>/usr/bin/chromedriver</c>.</summary>
    public string ChromeDriverPath { get; set; } = "/usr/bin/chromedriver";

    /// <summary>
    /// Chromium's arguments besides <c>--headless</c>. Default: <c>--no-sandbox --disable-gpu
    /// --disable-background-networking --disable-component-update --no-first-run --disable-sync</c> (without the
    /// background flags Chromium keeps trying to reach the network).
    /// </summary>
    public List<string> LaunchArguments { get; set; } =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
    ];

    /// <summary>Runs Chromium without a window (adds <c>--headless</c>). Default true.</summary>
    public bool Headless { get; set; } = true;

    /// <summary>How long a step waits for its element, state or expectation, unless the journey says otherwise. Default 5 s.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a navigate step waits for the page's load event, unless the step says otherwise. Default 30 s.</summary>
    public TimeSpan NavigationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest pause between two checks of a waiting step (they start at 10 ms and double). Default 100 ms.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The page's viewport width in CSS pixels. Default 1280.</summary>
    public int ViewportWidth { get; set; } = 1280;

    /// <summary>The page's viewport height in CSS pixels. Default 720.</summary>
    public int ViewportHeight { get; set; } = 720;

    /// <summary>Chromium's arguments, with <c>--headless</c> when <see cref="Headless"/>.</summary>
    public IReadOnlyList<string> EffectiveArguments() => Headless ? ["--headless", .. LaunchArguments] : [.. LaunchArguments];

    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        foreach (var (name, path) in new[] { (nameof(ChromiumPath), ChromiumPath), (nameof(ChromeDriverPath), ChromeDriverPath) })
        {
            if (string.IsNullOrWhiteSpace(path) || !Path.IsPathFullyQualified(path))
            {
                throw new ArgumentException($"{name} must be an absolute path, not '{path}'", name);
            }
        }

        if (LaunchArguments.Any(a => string.IsNullOrWhiteSpace(a) || !a.StartsWith("--", StringComparison.Ordinal)))
        {
            throw new ArgumentException("every launch argument must be a '--' switch", nameof(LaunchArguments));
        }

        Check(nameof(StepTimeout), StepTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(10));
        Check(nameof(NavigationTimeout), NavigationTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(10));
        Check(nameof(MaxPollInterval), MaxPollInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10));
        if (ViewportWidth is < 200 or > 7680 || ViewportHeight is < 200 or > 4320)
        {
            throw new ArgumentException($"the viewport must be from 200x200 to 7680x4320, not {ViewportWidth}x{ViewportHeight}", nameof(ViewportWidth));
        }
    }

    private static void Check(string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"must be from {min} to {max}");
        }
    }
}
