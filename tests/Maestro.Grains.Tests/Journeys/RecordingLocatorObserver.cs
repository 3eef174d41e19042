using System.Collections.Concurrent;
using Maestro.Grains.TestRuns.Journeys;

namespace Maestro.Grains.Tests.Journeys;

/// <summary>
/// A locator observer for the tests: records every call and answers unresolved locators from <see cref="Replacements"/>
/// (no entry: null, the step fails). It reads the page it is given (the locator's count, the title) to show it is live.
/// </summary>
public sealed class RecordingLocatorObserver : ILocatorObserver
{
    public ConcurrentDictionary<string, string> Replacements { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(JourneyLocatorContext Context, int Count)> Resolved { get; } = new();

    /// <summary>The page's title as JSON, read at each resolved locator, by journey.</summary>
    public ConcurrentDictionary<string, string> Titles { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(JourneyLocatorContext Context, int Count)> Unresolved { get; } = new();

    public async Task OnResolvedAsync(JourneyLocatorContext context, IJourneyPage page, CancellationToken cancellationToken)
    {
        Resolved.Enqueue((context, await page.CountAsync(context.Locator, cancellationToken)));
        Titles[context.Journey] = await page.EvaluateJsonAsync("() => document.title", cancellationToken);
    }

    public Task<string?> OnUnresolvedAsync(JourneyLocatorContext context, IJourneyPage page, int matchCount, CancellationToken cancellationToken)
    {
        Unresolved.Enqueue((context, matchCount));
        return Task.FromResult(Replacements.TryGetValue(context.Locator, out var replacement) ? replacement : null);
    }
}
