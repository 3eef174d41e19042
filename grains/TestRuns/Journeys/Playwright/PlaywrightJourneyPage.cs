using System.Text.Json;
using Microsoft.Playwright;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>A journey page on Playwright: one page of its own browser context, closed with it.</summary>
public sealed class PlaywrightJourneyPage(IBrowserContext context, IPage page) : JourneyBrowserPage<IFrame, IElementHandle>, IAsyncDisposable
{
    public override string Url => page.Url;

    public override async Task NavigateAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { Timeout = Milliseconds(timeout), WaitUntil = WaitUntilState.Load });
        }
        catch (PlaywrightException ex)
        {
            throw NavigationFailed(url, ex);
        }
    }

    public override Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken) => page.ScreenshotAsync();

    public async ValueTask DisposeAsync()
    {
        // A crashed browser took its contexts with it; there is nothing left to close.
        if (context.Browser is { IsConnected: true })
        {
            await context.CloseAsync();
        }
    }

    protected override Task<IFrame> TopFrameAsync(CancellationToken cancellationToken) => Task.FromResult(page.MainFrame);

    protected override async Task<IFrame> EnterFrameAsync(IElementHandle iframe, CancellationToken cancellationToken)
    {
        await using (iframe)
        {
            return await iframe.ContentFrameAsync()
                ?? throw new JourneyStepException(JourneyFailureTypes.LocatorNotFound, "a frame= part of a locator matched an element that is not an iframe");
        }
    }

    protected override async Task<object?> EvaluateInFrameAsync(IFrame frame, string functionExpression, object? argument, CancellationToken cancellationToken)
    {
        var handle = await frame.EvaluateHandleAsync(functionExpression, argument);
        if (handle is IElementHandle element)
        {
            return element;
        }

        await using (handle)
        {
            return Value(await handle.JsonValueAsync<JsonElement?>());
        }
    }

    protected override async Task<object?> EvaluateValueInFrameAsync(IFrame frame, string functionExpression, object? argument, CancellationToken cancellationToken) =>
        Value(await frame.EvaluateAsync<JsonElement?>(functionExpression, argument));

    protected override bool IsStale(Exception exception) =>
        exception is PlaywrightException && exception.Message.Contains("not attached to the DOM", StringComparison.Ordinal);

    protected override Task ClickAsync(IElementHandle element, TimeSpan timeout, CancellationToken cancellationToken) =>
        ActAsync(element, e => e.ClickAsync(new ElementHandleClickOptions { Timeout = Milliseconds(timeout) }));

    protected override Task FillAsync(IElementHandle element, string value, TimeSpan timeout, CancellationToken cancellationToken) =>
        ActAsync(element, e => e.FillAsync(value, new ElementHandleFillOptions { Timeout = Milliseconds(timeout) }));

    protected override Task HoverAsync(IElementHandle element, TimeSpan timeout, CancellationToken cancellationToken) =>
        ActAsync(element, e => e.HoverAsync(new ElementHandleHoverOptions { Timeout = Milliseconds(timeout) }));

    protected override Task PressAsync(IElementHandle element, string key, TimeSpan timeout, CancellationToken cancellationToken) =>
        ActAsync(element, e => e.PressAsync(key, new ElementHandlePressOptions { Timeout = Milliseconds(timeout) }));

    /// <summary>Acts on the element and releases its handle (handles pin the element in the page until released).</summary>
    private static async Task ActAsync(IElementHandle element, Func<IElementHandle, Task> action)
    {
        await using (element)
        {
            await action(element);
        }
    }

    private static object? Value(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetInt64(),
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { } other => throw new InvalidOperationException($"a resolver call answered {other.ValueKind}, not an element, a number or a string"),
    };

    private static float Milliseconds(TimeSpan timeout) => (float)Math.Max(1, timeout.TotalMilliseconds);
}
