using System.Text.RegularExpressions;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// What both drivers share: walking a locator's frame chain, installing and calling the one locator resolver, and
/// turning its answers into elements or <see cref="JourneyLocatorMatchException"/>. A driver supplies the primitives:
/// evaluate in a frame, enter an iframe, act on an element.
/// </summary>
/// <typeparam name="TFrame">The driver's frame (Playwright's IFrame; Selenium's current-frame marker).</typeparam>
/// <typeparam name="TElement">The driver's element reference.</typeparam>
public abstract partial class JourneyBrowserPage<TFrame, TElement> : IJourneyBrowserPage
    where TFrame : notnull
    where TElement : class
{
    public abstract string Url { get; }

    public abstract Task NavigateAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken);

    public abstract Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken);

    public async Task<string> EvaluateJsonAsync(string functionExpression, CancellationToken cancellationToken)
    {
        var top = await TopFrameAsync(cancellationToken);
        return (string)(await EvaluateValueInFrameAsync(top, JsonCall(functionExpression), null, cancellationToken))!;
    }

    public async Task<int> CountAsync(string locator, CancellationToken cancellationToken)
    {
        var parsed = Parse(locator);
        TFrame frame;
        try
        {
            frame = await EnterFramesAsync(parsed, cancellationToken);
        }
        catch (JourneyLocatorMatchException ex) when (ex.Count == 0)
        {
            // No such frame (yet): nothing inside it matches.
            return 0;
        }

        var answer = await CallResolverAsync(EvaluateValueInFrameAsync, frame, LocatorResolverScript.Count, parsed.Target, cancellationToken);
        return answer switch
        {
            long n => (int)n,
            string malformed => throw Malformed(parsed, malformed),
            _ => throw new InvalidOperationException($"the locator resolver answered {answer} to a count"),
        };
    }

    // One call that resolves and evaluates, so the element cannot go stale between the two.
    public async Task<string> EvaluateOnElementJsonAsync(string locator, string functionExpression, CancellationToken cancellationToken)
    {
        var parsed = Parse(locator);
        var frame = await EnterFramesAsync(parsed, cancellationToken);
        var answer = await CallResolverAsync(EvaluateValueInFrameAsync, frame, LocatorResolverScript.OneThen(functionExpression), parsed.Target, cancellationToken);
        return answer switch
        {
            string json when json.StartsWith(LocatorResolverScript.JsonPrefix, StringComparison.Ordinal) => json[LocatorResolverScript.JsonPrefix.Length..],
            string malformed => throw Malformed(parsed, malformed),
            long count => throw new JourneyLocatorMatchException(parsed.Text, (int)count),
            _ => throw new InvalidOperationException($"the locator resolver answered {answer} for '{locator}'"),
        };
    }

    public Task ClickAsync(JourneyLocator locator, TimeSpan timeout, CancellationToken cancellationToken) =>
        ActAsync(locator, e => ClickAsync(e, timeout, cancellationToken), cancellationToken);

    public Task FillAsync(JourneyLocator locator, string value, TimeSpan timeout, CancellationToken cancellationToken) =>
        ActAsync(locator, e => FillAsync(e, value, timeout, cancellationToken), cancellationToken);

    public Task HoverAsync(JourneyLocator locator, TimeSpan timeout, CancellationToken cancellationToken) =>
        ActAsync(locator, e => HoverAsync(e, timeout, cancellationToken), cancellationToken);

    public Task PressAsync(JourneyLocator locator, string key, TimeSpan timeout, CancellationToken cancellationToken) =>
        ActAsync(locator, e => PressAsync(e, key, timeout, cancellationToken), cancellationToken);

    /// <summary>The failure of a navigation, worded the same for both drivers: Chromium's net:: error when there is one.</summary>
    protected static JourneyStepException NavigationFailed(Uri url, Exception driverError)
    {
        ArgumentNullException.ThrowIfNull(driverError);
        var netError = NetError().Match(driverError.Message);
        var reason = netError.Success ? netError.Value : driverError.Message.Split('\n', 2)[0].Trim();
        return new JourneyStepException(JourneyFailureTypes.NavigationFailed, $"navigation to {url} failed: {reason}", driverError);
    }

    /// <summary>The top frame, made current.</summary>
    protected abstract Task<TFrame> TopFrameAsync(CancellationToken cancellationToken);

    /// <summary>The document inside an iframe element, made current.</summary>
    protected abstract Task<TFrame> EnterFrameAsync(TElement iframe, CancellationToken cancellationToken);

    /// <summary>
    /// Calls a function expression of one argument in the frame. Returns the element it returned, or a long, a
    /// string, or null; anything else is an error.
    /// </summary>
    protected abstract Task<object?> EvaluateInFrameAsync(TFrame frame, string functionExpression, object? argument, CancellationToken cancellationToken);

    /// <summary>Calls a function expression of one argument that returns a number, a string or null, in the frame; returns a long, a string or null.</summary>
    protected abstract Task<object?> EvaluateValueInFrameAsync(TFrame frame, string functionExpression, object? argument, CancellationToken cancellationToken);

    /// <summary>Whether an action failed because its element left the page after it was found (it is then found again).</summary>
    protected abstract bool IsStale(Exception exception);

    protected abstract Task ClickAsync(TElement element, TimeSpan timeout, CancellationToken cancellationToken);

    protected abstract Task FillAsync(TElement element, string value, TimeSpan timeout, CancellationToken cancellationToken);

    protected abstract Task HoverAsync(TElement element, TimeSpan timeout, CancellationToken cancellationToken);

    protected abstract Task PressAsync(TElement element, string key, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>The one element the locator matches now, through its frames.</summary>
    /// <exception cref="JourneyLocatorMatchException">A frame or the target did not match exactly one element.</exception>
    protected async Task<TElement> ResolveAsync(JourneyLocator locator, CancellationToken cancellationToken)
    {
        var frame = await EnterFramesAsync(locator, cancellationToken);
        return await OneAsync(frame, locator.Target, locator, cancellationToken);
    }

    // undefined is not JSON; it reads as null, like a missing attribute.
    private static string JsonCall(string functionExpression) =>
        $"a => {{ const r = ({functionExpression})(a); return r === undefined ? 'null' : JSON.stringify(r); }}";

    private static JourneyLocator Parse(string locator) =>
        JourneyLocatorSyntax.TryParse(locator, out var parsed, out var error)
            ? parsed!
            : throw new JourneyStepException(JourneyFailureTypes.LocatorMalformed, $"malformed locator {error}");

    private static JourneyStepException Malformed(JourneyLocator locator, string answer) =>
        new(JourneyFailureTypes.LocatorMalformed, $"the browser rejected '{locator}': {answer[LocatorResolverScript.MalformedPrefix.Length..]}");

    private async Task<TFrame> EnterFramesAsync(JourneyLocator locator, CancellationToken cancellationToken)
    {
        var frame = await TopFrameAsync(cancellationToken);
        foreach (var css in locator.Frames)
        {
            var iframe = await OneAsync(frame, "css=" + css, locator, cancellationToken);
            frame = await EnterFrameAsync(iframe, cancellationToken);
        }

        return frame;
    }

    private async Task<TElement> OneAsync(TFrame frame, string target, JourneyLocator locator, CancellationToken cancellationToken)
    {
        var answer = await CallResolverAsync(EvaluateInFrameAsync, frame, LocatorResolverScript.One, target, cancellationToken);
        return answer switch
        {
            TElement element => element,
            long count => throw new JourneyLocatorMatchException(target == locator.Target ? locator.Text : $"frame={target[4..]} (of '{locator}')", (int)count),
            string malformed => throw Malformed(locator, malformed),
            _ => throw new InvalidOperationException($"the locator resolver answered {answer} for '{locator}'"),
        };
    }

    // One round trip when the frame already has the resolver; a new document gets it installed, then the call again.
    private async Task<object?> CallResolverAsync(
        Func<TFrame, string, object?, CancellationToken, Task<object?>> evaluate, TFrame frame, string call, string target, CancellationToken cancellationToken)
    {
        var answer = await evaluate(frame, call, target, cancellationToken);
        if (answer is LocatorResolverScript.Missing)
        {
            await EvaluateValueInFrameAsync(frame, LocatorResolverScript.Source, null, cancellationToken);
            answer = await evaluate(frame, call, target, cancellationToken);
        }

        return answer;
    }

    // An element replaced between finding it and acting on it (a re-render) is found again, twice at most.
    private async Task ActAsync(JourneyLocator locator, Func<TElement, Task> action, CancellationToken cancellationToken)
    {
        const int Tries = 3;
        for (var attempt = 1; ; attempt++)
        {
            var element = await ResolveAsync(locator, cancellationToken);
            try
            {
                await action(element);
                return;
            }
            catch (Exception ex) when (attempt < Tries && IsStale(ex))
            {
                // Found again on the next pass.
            }
        }
    }

    [GeneratedRegex(@"net::ERR_[A-Z_]+", RegexOptions.CultureInvariant)]
    private static partial Regex NetError();
}
