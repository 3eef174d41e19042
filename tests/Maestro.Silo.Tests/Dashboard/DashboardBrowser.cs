using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Maestro.Silo.Tests.Dashboard;

/// <summary>
/// One headless Debian Chromium driven by Playwright for the dashboard tests, and the steps every dashboard test
/// takes in it: a page that collects console errors, signing in, opening a page, a screenshot. Disposing closes it.
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    /// <summary>Chromium's flags on this machine: no sandbox (containers), nothing that reaches the network by itself.</summary>
    private static readonly string[] ChromiumArguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

    private readonly IPlaywright playwright;

    private DashboardBrowser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Where each page's screenshot goes: TestResults/dashboard-screenshots in the test output folder.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard-screenshots");

    public static async Task<DashboardBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ChromiumArguments,
            });
            Directory.CreateDirectory(ScreenshotFolder);
            return new DashboardBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A fresh browser context (no cookies) with a page whose console errors and uncaught exceptions are collected;
    /// relative URLs go to <paramref name="baseUrl"/> when given.
    /// </summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> NewPageAsync(string? baseUrl)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add($"console: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add($"page error: {error}");
            }
        };
        return (context, page, errors);
    }

    /// <summary>Signs <paramref name="page"/> in through the sign-in form of <paramref name="origin"/> (the page's base URL when empty) and waits for the dashboard.</summary>
    public static async Task SignInAsync(IPage page, string key, string origin = "")
    {
        await page.GotoAsync(origin + "/dashboard/sign-in");
        await page.GetByTestId("sign-in-key").FillAsync(key);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await ArriveAsync(page, "/dashboard/", "sign-out");
    }

    /// <summary>
    /// Waits for the form post the page just made to land on a URL ending with <paramref name="urlEnd"/> and for its
    /// element <paramref name="testId"/> to show. The URL is polled, not waited for with <c>WaitForURLAsync</c>: when
    /// the redirect had already landed, that waits for a load state, which on a loaded machine Playwright missed for a
    /// page reached by a form post's redirect (even with <c>Commit</c>).
    /// </summary>
    public static async Task ArriveAsync(IPage page, string urlEnd, string testId)
    {
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(urlEnd) + "$"), new() { Timeout = 30_000 });
        await Expect(page.GetByTestId(testId)).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>Opens the dashboard page <paramref name="name"/> from the nav bar.</summary>
    public static async Task VisitAsync(IPage page, string name)
    {
        await page.GetByTestId($"nav-{name}").ClickAsync();
        await Expect(page.GetByTestId("view")).ToHaveAttributeAsync("data-page", name);
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
