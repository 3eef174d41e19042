using System.Diagnostics;
using System.Text.Json;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// Runs one step on a page, waiting the way a user would: each check repeats (10 ms, then doubling up to the poll
/// interval cap) until it holds or the step's wait runs out. Actions wait for exactly one visible, enabled (and for
/// fill, editable) element; assertions wait for their expectation. Ends normally, or throws
/// <see cref="JourneyAssertionException"/>, <see cref="JourneyLocatorMatchException"/> or <see cref="JourneyStepException"/>.
/// </summary>
public sealed class JourneyStepRunner(IJourneyBrowserPage page, BrowserJourneyOptions options)
{
    private static readonly TimeSpan FirstPollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Runs the step against <paramref name="locator"/> (the step's own, or a healed replacement).</summary>
    /// <returns>A screenshot step's PNG; null for every other step.</returns>
    public async Task<byte[]?> RunAsync(JourneyStep step, JourneyLocator? locator, Uri? baseUrl, TimeSpan timeout, CancellationToken cancellationToken)
    {
        switch (step.Action)
        {
            case JourneyAction.Navigate:
                await page.NavigateAsync(
                    Resolve(step.Argument!, baseUrl) ?? throw new JourneyStepException(JourneyFailureTypes.NavigationFailed, $"'{step.Argument}' is relative and the suite has no base URL"),
                    step.Timeout ?? options.NavigationTimeout,
                    cancellationToken);
                return null;
            case JourneyAction.Screenshot:
                return await page.ScreenshotAsync(cancellationToken);
            case JourneyAction.AssertUrl:
                await AssertUrlAsync(step, baseUrl, timeout, cancellationToken);
                return null;
            case JourneyAction.AssertCount:
                await AssertCountAsync(locator!, step.ExpectedCount!.Value, timeout, cancellationToken);
                return null;
            case JourneyAction.WaitFor:
                await WaitForAsync(locator!, step.State, timeout, cancellationToken);
                return null;
            case JourneyAction.AssertVisible:
                await AssertVisibleAsync(locator!, timeout, cancellationToken);
                return null;
            case JourneyAction.AssertText:
                await AssertTextAsync(locator!, step, timeout, cancellationToken);
                return null;
            case JourneyAction.AssertAttribute:
                await AssertAttributeAsync(locator!, step, timeout, cancellationToken);
                return null;
            default:
                await ActAsync(step, locator!, timeout, cancellationToken);
                return null;
        }
    }

    /// <summary>Whether the step acts on or asserts about exactly one element, so the locator observer hears of it.</summary>
    public static bool TargetsOneElement(JourneyStep step) => step.Action switch
    {
        JourneyAction.Navigate or JourneyAction.Screenshot or JourneyAction.AssertUrl or JourneyAction.AssertCount => false,
        JourneyAction.WaitFor => step.State is JourneyWaitState.Visible or JourneyWaitState.Attached,
        _ => true,
    };

    /// <summary>An absolute URL as it is; anything else against the base URL. ("/app" is relative: on Unix .NET would call it a file path.)</summary>
    private static Uri? Resolve(string url, Uri? baseUrl) =>
        !url.StartsWith('/') && Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute
        : baseUrl is not null ? new Uri(baseUrl, url)
        : null;

    private async Task ActAsync(JourneyStep step, JourneyLocator locator, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Deadline.After(timeout);
        var needsEditable = step.Action == JourneyAction.Fill;
        var needsEnabled = step.Action != JourneyAction.Hover;
        await PollAsync(deadline, cancellationToken, async () =>
        {
            var state = await StateAsync(locator, cancellationToken);
            var problem = !state.Visible ? "is not visible"
                : needsEnabled && !state.Enabled ? "is disabled"
                : needsEditable && !state.Editable ? "is not editable"
                : null;
            return problem is null ? null : $"'{locator}' {problem}";
        }, problem => new JourneyStepException(JourneyFailureTypes.Timeout, $"{problem} after {Seconds(timeout)}"));

        // The element was ready a moment ago; the driver's own action check gets at least a second even at the deadline.
        var remaining = deadline.Remaining < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : deadline.Remaining;
        switch (step.Action)
        {
            case JourneyAction.Click:
                await page.ClickAsync(locator, remaining, cancellationToken);
                break;
            case JourneyAction.Fill:
                await page.FillAsync(locator, step.Argument!, remaining, cancellationToken);
                break;
            case JourneyAction.Hover:
                await page.HoverAsync(locator, remaining, cancellationToken);
                break;
            case JourneyAction.Press:
                await page.PressAsync(locator, step.Argument!, remaining, cancellationToken);
                break;
            case JourneyAction.Select:
                await SelectAsync(locator, step.Argument!, deadline, timeout, cancellationToken);
                break;
            default:
                throw new ArgumentException($"{step.ActionName} is not an action on an element", nameof(step));
        }
    }

    // The same script on both drivers (Playwright's selectOption does the same): the option by value, else by label.
    private async Task SelectAsync(JourneyLocator locator, string option, Deadline deadline, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var function = $"e => window.__maestroLocators.select(e, {JsonSerializer.Serialize(option)})";
        await PollAsync(deadline, cancellationToken, async () =>
        {
            var chosen = JsonSerializer.Deserialize<string?>(await page.EvaluateOnElementJsonAsync(locator.Text, function, cancellationToken));
            return chosen is null ? $"'{locator}' has no option with the value or label '{option}'" : null;
        }, problem => new JourneyStepException(JourneyFailureTypes.OptionNotFound, $"{problem} after {Seconds(timeout)}"));
    }

    private async Task WaitForAsync(JourneyLocator locator, JourneyWaitState state, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Deadline.After(timeout);
        await PollAsync(deadline, cancellationToken, async () =>
        {
            ElementState? element;
            try
            {
                element = await StateAsync(locator, cancellationToken);
            }
            catch (JourneyLocatorMatchException ex) when (state is JourneyWaitState.Hidden or JourneyWaitState.Detached)
            {
                return ex.Count == 0 ? null : $"'{locator}' still matches {ex.Count} elements";
            }

            return state switch
            {
                JourneyWaitState.Visible => element.Visible ? null : $"'{locator}' is still hidden",
                JourneyWaitState.Hidden => element.Visible ? $"'{locator}' is still visible" : null,
                JourneyWaitState.Detached => $"'{locator}' is still attached",
                _ => null,
            };
        }, problem => new JourneyStepException(JourneyFailureTypes.Timeout, $"{problem} after {Seconds(timeout)}"));
    }

    private async Task AssertVisibleAsync(JourneyLocator locator, TimeSpan timeout, CancellationToken cancellationToken) =>
        await PollAsync(Deadline.After(timeout), cancellationToken, async () =>
            (await StateAsync(locator, cancellationToken)).Visible ? null : $"expected '{locator}' to be visible, but it is hidden",
            problem => new JourneyAssertionException($"{problem} (waited {Seconds(timeout)})"));

    private async Task AssertTextAsync(JourneyLocator locator, JourneyStep step, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var expected = Normalise(step.Argument!);
        await PollAsync(Deadline.After(timeout), cancellationToken, async () =>
        {
            var actual = Normalise(JsonSerializer.Deserialize<string?>(await page.EvaluateOnElementJsonAsync(locator.Text, LocatorResolverScript.Text, cancellationToken)) ?? string.Empty);
            var holds = step.Match == JourneyTextMatch.Contains ? actual.Contains(expected, StringComparison.Ordinal) : actual == expected;
            var verb = step.Match == JourneyTextMatch.Contains ? "contain" : "be";
            return holds ? null : $"expected the text of '{locator}' to {verb} '{expected}', but it was '{actual}'";
        }, problem => new JourneyAssertionException($"{problem} (waited {Seconds(timeout)})"));
    }

    private async Task AssertAttributeAsync(JourneyLocator locator, JourneyStep step, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var function = $"e => e.getAttribute({JsonSerializer.Serialize(step.AttributeName)})";
        await PollAsync(Deadline.After(timeout), cancellationToken, async () =>
        {
            var actual = JsonSerializer.Deserialize<string?>(await page.EvaluateOnElementJsonAsync(locator.Text, function, cancellationToken));
            return actual == step.Argument ? null
                : $"expected attribute '{step.AttributeName}' of '{locator}' to be '{step.Argument}', but it was {(actual is null ? "absent" : $"'{actual}'")}";
        }, problem => new JourneyAssertionException($"{problem} (waited {Seconds(timeout)})"));
    }

    private async Task AssertUrlAsync(JourneyStep step, Uri? baseUrl, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // "/done" means the base URL's /done; a pattern is matched against the whole address as it is.
        var expected = step.Match == JourneyTextMatch.Equals ? Resolve(step.Argument!, baseUrl)?.AbsoluteUri ?? step.Argument! : step.Argument!;
        await PollAsync(Deadline.After(timeout), cancellationToken, () =>
        {
            var actual = page.Url;
            var holds = step.Match == JourneyTextMatch.Matches ? step.Pattern!.IsMatch(actual) : actual == expected;
            var verb = step.Match == JourneyTextMatch.Matches ? "match" : "be";
            return Task.FromResult(holds ? null : $"expected the URL to {verb} '{expected}', but it was '{actual}'");
        }, problem => new JourneyAssertionException($"{problem} (waited {Seconds(timeout)})"));
    }

    private async Task AssertCountAsync(JourneyLocator locator, int expected, TimeSpan timeout, CancellationToken cancellationToken) =>
        await PollAsync(Deadline.After(timeout), cancellationToken, async () =>
        {
            var actual = await page.CountAsync(locator.Text, cancellationToken);
            return actual == expected ? null : $"expected '{locator}' to match {expected} element{(expected == 1 ? string.Empty : "s")}, but it matched {actual}";
        }, problem => new JourneyAssertionException($"{problem} (waited {Seconds(timeout)})"));

    private async Task<ElementState> StateAsync(JourneyLocator locator, CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<ElementState>(await page.EvaluateOnElementJsonAsync(locator.Text, LocatorResolverScript.State, cancellationToken), JsonSerializerOptions.Web)!;

    /// <summary>
    /// Repeats <paramref name="check"/> (null = holds, else what is wrong) until it holds or the deadline passes, then
    /// throws what <paramref name="failure"/> makes of the last problem. A locator that does not match exactly one
    /// element is retried too, and at the deadline its <see cref="JourneyLocatorMatchException"/> is thrown as it is.
    /// </summary>
    private async Task PollAsync(Deadline deadline, CancellationToken cancellationToken, Func<Task<string?>> check, Func<string, Exception> failure)
    {
        var interval = FirstPollInterval;
        while (true)
        {
            Exception? last;
            try
            {
                var problem = await check();
                if (problem is null)
                {
                    return;
                }

                last = failure(problem);
            }
            catch (JourneyLocatorMatchException ex)
            {
                last = ex;
            }

            if (deadline.Passed)
            {
                throw last;
            }

            await Task.Delay(Min(interval, deadline.Remaining), cancellationToken);
            interval = Min(interval * 2, options.MaxPollInterval);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Seconds(TimeSpan timeout) => $"{timeout.TotalSeconds:0.###} s";

    private sealed record ElementState(bool Visible, bool Enabled, bool Editable);

    private readonly struct Deadline(long end)
    {
        public static Deadline After(TimeSpan timeout) => new(Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency));

        public bool Passed => Stopwatch.GetTimestamp() >= end;

        public TimeSpan Remaining => Passed ? TimeSpan.Zero : Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), end);
    }
}
