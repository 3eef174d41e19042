using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Maestro.Silo.Tests.Dashboard;

/// <summary>
/// One silo process whose dashboard statistics switch off 3 s after the last look (so a test sees them go off) and
/// whose sessions check their key on every request, the
/// test admin key and a viewer key, and one headless Debian Chromium driven by Playwright. Everything is stopped when
/// the tests of the class are done: the browser through Playwright, the silo by its process id.
/// </summary>
public sealed class DashboardSilo : IAsyncLifetime
{
    /// <summary>Chromium's flags on this machine: no sandbox (containers), nothing that reaches the network by itself.</summary>
    private static readonly string[] ChromiumArguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

    private readonly TempDirectory directory = new();
    private SiloProcess? process;
    private IPlaywright? playwright;

    public int Port { get; } = FreePort.Next();

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public HttpClient Admin { get; private set; } = null!;

    public string ViewerKey { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where each page's screenshot goes: TestResults/dashboard-screenshots in the test output folder.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard-screenshots");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Admin = TestApiKeys.Client(Port, TestApiKeys.Admin);
        var environment = new Dictionary<string, string>(TestApiKeys.Environment)
        {
            ["Maestro__Dashboard__StatisticsWindow"] = "00:00:03",

            // Every request asks the key's grain, so a revocation shows at once.
            ["Maestro__Dashboard__KeyRecheckPeriod"] = "00:00:00",
        };
        process = SiloProcess.StartWithEnvironment(
            directory.Path, environment, "--port", Port.ToString(CultureInfo.InvariantCulture), "--data", directory.Combine("data"),
            "--gateway-port", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        await process.WaitUntilHealthyAsync(Admin, ct);
        using var created = await Admin.PostAsJsonAsync("/api/keys", new { name = "dashboard viewer", role = "viewer" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        ViewerKey = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("key").GetString()!;

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArguments,
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh browser context (no cookies) with a page whose console errors and uncaught exceptions are collected.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
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

    /// <summary>Signs <paramref name="page"/> in through the sign-in form and waits for the dashboard.</summary>
    public static async Task SignInAsync(IPage page, string key)
    {
        await page.GotoAsync("/dashboard/sign-in");
        await page.GetByTestId("sign-in-key").FillAsync(key);
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await page.WaitForURLAsync("**/dashboard/");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        Admin?.Dispose();
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        directory.Dispose();
    }
}
