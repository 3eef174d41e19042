using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Maestro.Silo.Tests.Dashboard;

/// <summary>
/// One silo process whose dashboard statistics switch off 3 s after the last look (so a test sees them go off) and
/// whose sessions check their key on every request, the test admin key and a viewer key, and one headless Debian
/// Chromium (<see cref="DashboardBrowser"/>). Everything is stopped when
/// the tests of the class are done: the browser through Playwright, the silo by its process id.
/// </summary>
public sealed class DashboardSilo : IAsyncLifetime
{
    private readonly TempDirectory directory = new();
    private SiloProcess? process;
    private DashboardBrowser? browser;

    public int Port { get; } = FreePort.Next();

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public HttpClient Admin { get; private set; } = null!;

    public string ViewerKey { get; private set; } = string.Empty;

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

        browser = await DashboardBrowser.LaunchAsync();
    }

    /// <summary>A fresh browser context (no cookies) on this silo, with a page whose console errors are collected.</summary>
    public Task<(IBrowserContext Context, IPage Page, List<string> Errors)> NewPageAsync() =>
        (browser ?? throw new InvalidOperationException("The browser has not started.")).NewPageAsync(BaseUrl);

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        Admin?.Dispose();
        if (process is not null)
        {
            await process.DisposeAsync();
        }

        directory.Dispose();
    }
}
