using Maestro.Grains.TestRuns.Journeys;
using Microsoft.Playwright;

namespace Maestro.Grains.Tests.Healing;

/// <summary>
/// A test-only <see cref="IJourneyPage"/> over a Playwright page, resolving Maestro's locator syntax with Playwright's
/// own selector engines. Healing's tests were written alongside the journey runner and use this rather than the
/// runner's own Playwright page; moving them onto that page is open work.
/// </summary>
public sealed class PlaywrightSelectorPage(IPage page) : IJourneyPage
{
    private const string FramePrefix = "frame=";

    public string Url => page.Url;

    public IPage Page => page;

    public async Task<string> EvaluateJsonAsync(string functionExpression, CancellationToken cancellationToken) =>
        await page.EvaluateAsync<string>($"() => JSON.stringify(({functionExpression})())");

    public Task<int> CountAsync(string locator, CancellationToken cancellationToken) => Resolve(locator).CountAsync();

    public async Task<string> EvaluateOnElementJsonAsync(string locator, string functionExpression, CancellationToken cancellationToken) =>
        await Resolve(locator).EvaluateAsync<string>($"(e) => JSON.stringify(({functionExpression})(e))");

    public Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken) => page.ScreenshotAsync();

    /// <summary>Maestro's locator as a Playwright locator: frame prefixes become frame locators, each form its engine.</summary>
    public ILocator Resolve(string locator)
    {
        ArgumentNullException.ThrowIfNull(locator);
        var parts = locator.Split(" >> ");
        IFrameLocator? frame = null;
        var index = 0;
        for (; index < parts.Length - 1 && parts[index].StartsWith(FramePrefix, StringComparison.Ordinal); index++)
        {
            var css = parts[index][FramePrefix.Length..];
            frame = frame is null ? page.FrameLocator(css) : frame.FrameLocator(css);
        }

        var selector = Selector(string.Join(" >> ", parts[index..]));
        return frame is null ? page.Locator(selector) : frame.Locator(selector);
    }

    private static string Selector(string locator)
    {
        var equals = locator.IndexOf('=', StringComparison.Ordinal);
        var (form, value) = equals > 0 ? (locator[..equals], locator[(equals + 1)..]) : (string.Empty, locator);
        return form switch
        {
            "testid" => $"internal:testid=[data-testid={Quote(value)}s]",
            "role" => "internal:role=" + value.Replace("\"]", "\"s]", StringComparison.Ordinal),
            "label" => $"internal:label={Quote(value)}s",
            "id" => $"id={value}",
            "name" => $"css=[name={Quote(value)}]",
            "text" => $"text={Quote(value)}",
            "css" or "xpath" => locator,
            _ => $"css={locator}",
        };
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
