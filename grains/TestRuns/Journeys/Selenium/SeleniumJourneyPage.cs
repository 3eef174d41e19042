using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;

namespace Maestro.Grains.TestRuns.Journeys;

/// <summary>
/// A journey page on Selenium: the one window of the adapter's ChromeDriver session. Every locator is resolved from the
/// top frame down, so the frame the driver is switched to is always the one the call needs.
/// </summary>
public sealed class SeleniumJourneyPage(WebDriver driver) : JourneyBrowserPage<SeleniumFrame, IWebElement>
{
    // The error page fills in its code from script after the load ends, so an error page can answer "" for a moment.
    private const string ErrorPageCode =
        "return document.URL.startsWith('chrome-error:') ? ((document.querySelector('.error-code') || {}).textContent || '').trim() : null;";

    private static readonly TimeSpan ErrorCodePoll = TimeSpan.FromMilliseconds(20);

    private readonly HashSet<string> origins = new(StringComparer.Ordinal);

    /// <summary>The origins this page navigated to, so the session's next journey can start with their storage cleared.</summary>
    public IReadOnlyCollection<string> Origins => origins;

    public override string Url => driver.Url;

    public override async Task NavigateAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        driver.SwitchTo().DefaultContent();
        driver.Manage().Timeouts().PageLoad = timeout;
        origins.Add(url.GetLeftPart(UriPartial.Authority));
        try
        {
            driver.Navigate().GoToUrl(url);
        }
        catch (WebDriverException ex)
        {
            throw NavigationFailed(url, ex);
        }

        // ChromeDriver reports most failed loads as a success and shows Chromium's error page, which names the error.
        if (await ErrorPageCodeAsync(timeout, cancellationToken) is { } code)
        {
            throw NavigationFailed(url, new WebDriverException($"the page did not load: net::{code}"));
        }
    }

    private async Task<string?> ErrorPageCodeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            switch (driver.ExecuteScript(ErrorPageCode))
            {
                case null:
                    return null;
                case string { Length: > 0 } code:
                    return code;
                default:
                    if (DateTime.UtcNow >= deadline)
                    {
                        return "ERR_FAILED";
                    }

                    await Task.Delay(ErrorCodePoll, cancellationToken);
                    break;
            }
        }
    }

    public override Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken) => Task.FromResult(driver.GetScreenshot().AsByteArray);

    protected override Task<SeleniumFrame> TopFrameAsync(CancellationToken cancellationToken)
    {
        driver.SwitchTo().DefaultContent();
        return Task.FromResult(new SeleniumFrame(0));
    }

    protected override Task<SeleniumFrame> EnterFrameAsync(IWebElement iframe, CancellationToken cancellationToken)
    {
        if (!string.Equals(iframe.TagName, "iframe", StringComparison.OrdinalIgnoreCase) && !string.Equals(iframe.TagName, "frame", StringComparison.OrdinalIgnoreCase))
        {
            throw new JourneyStepException(JourneyFailureTypes.LocatorNotFound, "a frame= part of a locator matched an element that is not an iframe");
        }

        driver.SwitchTo().Frame(iframe);
        return Task.FromResult(new SeleniumFrame(1));
    }

    protected override Task<object?> EvaluateInFrameAsync(SeleniumFrame frame, string functionExpression, object? argument, CancellationToken cancellationToken)
    {
        var answer = driver.ExecuteScript($"return ({functionExpression})(arguments[0]);", argument);
        return Task.FromResult<object?>(answer switch
        {
            null or IWebElement or long or string => answer,
            double d when d == Math.Floor(d) => (long)d,
            _ => throw new InvalidOperationException($"a resolver call answered {answer.GetType().Name}, not an element, a number or a string"),
        });
    }

    protected override Task<object?> EvaluateValueInFrameAsync(SeleniumFrame frame, string functionExpression, object? argument, CancellationToken cancellationToken) =>
        EvaluateInFrameAsync(frame, functionExpression, argument, cancellationToken);

    protected override bool IsStale(Exception exception) => exception is StaleElementReferenceException;

    protected override Task ClickAsync(IWebElement element, TimeSpan timeout, CancellationToken cancellationToken)
    {
        element.Click();
        return Task.CompletedTask;
    }

    protected override Task FillAsync(IWebElement element, string value, TimeSpan timeout, CancellationToken cancellationToken)
    {
        element.Clear();
        if (value.Length > 0)
        {
            element.SendKeys(value);
        }

        return Task.CompletedTask;
    }

    protected override Task HoverAsync(IWebElement element, TimeSpan timeout, CancellationToken cancellationToken)
    {
        new Actions(driver).MoveToElement(element).Perform();
        return Task.CompletedTask;
    }

    protected override Task PressAsync(IWebElement element, string key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        element.SendKeys(JourneyKeys.ToSelenium(key));
        return Task.CompletedTask;
    }
}
