using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Execution;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// What the Playwright and Selenium adapters share: the suite's journeys file read and checked before anything runs
/// (a broken file throws <see cref="JourneyDefinitionException"/> and starts nothing), test ids <c>SUITE.JOURNEY</c>,
/// and each requested journey run once on a page of a fresh browser context. While a suite runs it is listed in
/// <see cref="ActiveJourneySuites"/>, where locator healing finds its journeys.
/// </summary>
public abstract class BrowserJourneyAdapter(BrowserJourneyOptions options, ILocatorObserver? observer, ActiveJourneySuites? activeSuites) : ITestAdapter
{
    public abstract string Name { get; }

    /// <summary>The stable test id of a journey: the suite's name, a dot, the journey's name.</summary>
    public static string TestId(TestSuiteSpec suite, JourneyDefinition journey)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(journey);
        return TestId(suite.Name, journey.Name);
    }

    /// <summary>The stable test id of the journey <paramref name="journeyName"/> of the suite <paramref name="suiteName"/>.</summary>
    public static string TestId(string suiteName, string journeyName) => $"{suiteName}.{journeyName}";

    /// <summary>The journey's name in a test id of the suite <paramref name="suiteName"/>; null when the id is not of that suite.</summary>
    public static string? JourneyName(string suiteName, string testId)
    {
        ArgumentNullException.ThrowIfNull(suiteName);
        ArgumentNullException.ThrowIfNull(testId);
        var prefix = TestId(suiteName, string.Empty);
        return testId.Length > prefix.Length && testId.StartsWith(prefix, StringComparison.Ordinal) ? testId[prefix.Length..] : null;
    }

    /// <exception cref="JourneyDefinitionException">The suite's journeys file has problems.</exception>
    public Task<IReadOnlyList<string>?> ListTestsAsync(TestSuiteSpec suite, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>?>([.. Load(suite).Select(j => TestId(suite, j))]);

    /// <exception cref="JourneyDefinitionException">The suite's journeys file has problems; nothing ran.</exception>
    public async Task<IReadOnlyList<TestCaseResult>> RunAsync(
        TestSuiteSpec suite, IReadOnlyList<string>? testIds, TestAdapterContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var journeys = Load(suite).ToDictionary(j => TestId(suite, j), StringComparer.Ordinal);
        var baseUrl = BaseUrl(suite);
        var settings = new JourneyRunSettings(suite.Name, baseUrl, context.ArtifactDirectory, context.Attempt);
        var runner = new JourneyRunner(options, observer);
        using var active = activeSuites?.Enter(suite, context.ArtifactDirectory);
        var results = new List<TestCaseResult>();
        foreach (var id in testIds ?? [.. journeys.Keys])
        {
            results.Add(new TestCaseResult(id, [await RunOneAsync(runner, journeys.GetValueOrDefault(id), id, settings, cancellationToken)]));
        }

        return results;
    }

    /// <summary>
    /// Runs one journey of <paramref name="suite"/> once without the locator observer: a run that validates a heal must
    /// neither heal again nor teach references.
    /// </summary>
    /// <exception cref="JourneyDefinitionException">The suite's journeys file has problems; nothing ran.</exception>
    public Task<TestAttempt> RunUnobservedAsync(TestSuiteSpec suite, string journeyName, string artifactDirectory, CancellationToken cancellationToken)
    {
        var journey = Load(suite).FirstOrDefault(j => string.Equals(j.Name, journeyName, StringComparison.Ordinal));
        var settings = new JourneyRunSettings(suite.Name, BaseUrl(suite), artifactDirectory, 1);
        return RunOneAsync(new JourneyRunner(options, null), journey, TestId(suite.Name, journeyName), settings, cancellationToken);
    }

    /// <summary>A page in a fresh browser context; starts the browser first if it is not running (or has crashed).</summary>
    protected abstract Task<JourneyPageLease> OpenPageAsync(CancellationToken cancellationToken);

    private async Task<TestAttempt> RunOneAsync(JourneyRunner runner, JourneyDefinition? journey, string id, JourneyRunSettings settings, CancellationToken cancellationToken)
    {
        if (journey is null)
        {
            return new TestAttempt(TestOutcome.Error, 0, $"'{id}' is not a journey of suite '{settings.Suite}'", null, JourneyFailureTypes.UnknownJourney, []);
        }

        JourneyPageLease lease;
        try
        {
            lease = await OpenPageAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // This journey cannot run; the next one starts a new browser.
            return new TestAttempt(TestOutcome.Error, 0, $"the {Name} browser could not open a page: {ex.Message}", ex.ToString(), JourneyFailureTypes.BrowserError, []);
        }

        await using (lease)
        {
            return await runner.RunAsync(lease.Page, journey, settings, cancellationToken);
        }
    }

    private static IReadOnlyList<JourneyDefinition> Load(TestSuiteSpec suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return JourneyDefinitionParser.Load(suite.Definition ?? string.Empty, suite.Name, suite.Environment);
    }

    private static Uri? BaseUrl(TestSuiteSpec suite) =>
        suite.BaseUrl is null ? null
        : Uri.TryCreate(suite.BaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : throw new ArgumentException($"the base URL of suite '{suite.Name}' must be an absolute http or https URL, not '{suite.BaseUrl}'", nameof(suite));
}
