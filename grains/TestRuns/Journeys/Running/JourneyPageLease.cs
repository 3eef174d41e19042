namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>A page in a fresh browser context, for one journey; disposing it gives the context back.</summary>
public sealed class JourneyPageLease(IJourneyBrowserPage page, Func<ValueTask> release) : IAsyncDisposable
{
    public IJourneyBrowserPage Page { get; } = page;

    public ValueTask DisposeAsync() => release();
}
