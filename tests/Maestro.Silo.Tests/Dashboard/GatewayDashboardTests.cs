using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Maestro.Silo.Tests.Dashboard;

/// <summary>
/// The dashboard served by the gateway process, in Debian's Chromium, in front of two silo processes on PostgreSQL:
/// every page from grains, and sign-in sessions that every silo and the gateway share.
/// </summary>
public sealed class GatewayDashboardTests(GatewayDashboard dashboard) : IClassFixture<GatewayDashboard>
{
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 30_000 };

    [Fact]
    public async Task The_gateway_serves_every_page_without_console_errors_with_the_cluster_s_data_and_its_own_log()
    {
        var ct = TestContext.Current.CancellationToken;
        var service = $"gw-billing-{Guid.NewGuid().ToString("N")[..8]}";
        using (var registered = await dashboard.Admin.PostAsJsonAsync("/api/services", new { name = service, version = "2.0.1", baseUrl = "http://127.0.0.1:5000" }, ct))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var (context, page, errors) = await dashboard.Browser.NewPageAsync(dashboard.GatewayUrl);
        await using var _context = context;

        // Without a session the gateway's dashboard sends the browser to sign in, like a silo's.
        await page.GotoAsync("/dashboard/");
        Assert.EndsWith("/dashboard/sign-in", page.Url, StringComparison.Ordinal);
        await DashboardBrowser.SignInAsync(page, TestApiKeys.Admin);

        await DashboardBrowser.VisitAsync(page, "overview");
        await Expect(page.GetByTestId("tile-silos-value")).ToHaveTextAsync("2", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("tile-rps").Locator("svg polyline")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await DashboardBrowser.ScreenshotAsync(page, "gateway-overview");

        await DashboardBrowser.VisitAsync(page, "silos");
        foreach (var name in dashboard.SiloNames)
        {
            await Expect(page.GetByTestId("silos")).ToContainTextAsync(name, Patiently);
        }

        await Expect(page.GetByTestId("silos")).ToContainTextAsync("MiB", Patiently);
        await DashboardBrowser.ScreenshotAsync(page, "gateway-silos");

        await DashboardBrowser.VisitAsync(page, "grains");
        await Expect(page.GetByTestId("grain-types")).ToContainTextAsync("service", Patiently);
        await DashboardBrowser.ScreenshotAsync(page, "gateway-grains");

        // The reminder and stream tables are read by a silo's statistics grain: the gateway has no database.
        await DashboardBrowser.VisitAsync(page, "reminders");
        await Expect(page.GetByTestId("reminder-count")).ToContainTextAsync("reminders", Patiently);
        await DashboardBrowser.ScreenshotAsync(page, "gateway-reminders");

        await DashboardBrowser.VisitAsync(page, "streams");
        await Expect(page.GetByTestId("streams")).ToContainTextAsync("Default", Patiently);
        await DashboardBrowser.ScreenshotAsync(page, "gateway-streams");

        // The log tail is the gateway's own, and the page says so.
        await DashboardBrowser.VisitAsync(page, "logs");
        await Expect(page.GetByTestId("log-source")).ToContainTextAsync("The log of the gateway", Patiently);
        await Expect(page.GetByTestId("log-lines")).ToContainTextAsync("Information", Patiently);
        await DashboardBrowser.ScreenshotAsync(page, "gateway-logs");

        await DashboardBrowser.VisitAsync(page, "services");
        await page.GetByTestId($"service-{service}").ClickAsync();
        await Expect(page.GetByTestId($"service-{service}")).ToContainTextAsync("2.0.1", Patiently);
        await DashboardBrowser.ScreenshotAsync(page, "gateway-services");

        await DashboardBrowser.VisitAsync(page, "audit");
        await page.GetByTestId("audit-target").FillAsync($"service:{service}");
        await page.GetByTestId("audit-target").PressAsync("Enter");
        await Expect(page.GetByTestId("audit")).ToContainTextAsync("services.register", Patiently);
        await DashboardBrowser.ScreenshotAsync(page, "gateway-audit");

        // A gateway counts no calls of its own: its collector endpoint says so instead of failing.
        var collector = await context.APIRequest.GetAsync("/dashboard/api/collector");
        Assert.Equal(404, collector.Status);
        Assert.Contains("Only a silo counts grain calls", await collector.TextAsync(), StringComparison.Ordinal);

        lock (errors)
        {
            Assert.Empty(errors);
        }
    }

    [Fact]
    public async Task A_session_opened_on_one_silo_is_accepted_by_the_other_and_the_gateway_and_signing_out_on_one_ends_it_on_all()
    {
        var (first, second) = (dashboard.SiloUrls[0], dashboard.SiloUrls[1]);
        var (context, page, errors) = await dashboard.Browser.NewPageAsync(null);
        await using var _context = context;

        await DashboardBrowser.SignInAsync(page, dashboard.ViewerKey, first);
        var session = Assert.Single(await context.CookiesAsync(), c => c.Name == "maestro_dashboard");

        // The browser sends the cookie to every port of 127.0.0.1: the second silo and the gateway know the session.
        await page.GotoAsync(second + "/dashboard/");
        Assert.Equal(second + "/dashboard/", page.Url);
        await Expect(page.GetByTestId("who")).ToHaveTextAsync("gateway dashboard viewer (viewer)", new() { Timeout = 30_000 });
        Assert.Equal(200, (await context.APIRequest.GetAsync(dashboard.GatewayUrl + "/dashboard/api/overview")).Status);

        // Signing out on the second silo ends the session everywhere, even for a browser that kept the cookie.
        await page.GetByTestId("sign-out").ClickAsync();
        await DashboardBrowser.ArriveAsync(page, second + "/dashboard/sign-in", "sign-in-key");
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = session.Name, Value = session.Value, Domain = session.Domain, Path = session.Path, HttpOnly = true, SameSite = SameSiteAttribute.Strict }]);
        foreach (var origin in new[] { first, second, dashboard.GatewayUrl })
        {
            Assert.Equal(401, (await context.APIRequest.GetAsync(origin + "/dashboard/api/overview")).Status);
        }

        await page.GotoAsync(first + "/dashboard/");
        Assert.Equal(first + "/dashboard/sign-in", page.Url);
        lock (errors)
        {
            Assert.Empty(errors);
        }
    }
}
