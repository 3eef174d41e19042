using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Maestro.Silo.Tests.Api;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Maestro.Silo.Tests.Dashboard;

/// <summary>
/// The dashboard in Debian's Chromium against a real silo process: sign-in with keys, every page with the data the
/// test made through the REST API, the overview updating live, and statistics switched on only while someone looks.
/// </summary>
public sealed class DashboardTests(DashboardSilo silo) : IClassFixture<DashboardSilo>
{
    private static readonly LocatorAssertionsToHaveTextOptions Patiently = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_viewer_key_signs_in_a_bad_key_is_refused_and_nothing_but_sign_in_is_served_without_a_session()
    {
        var (context, page, _) = await silo.NewPageAsync();
        await using var _context = context;

        // Without a session the app redirects to sign-in, and its JSON answers 401.
        await page.GotoAsync("/dashboard/");
        Assert.EndsWith("/dashboard/sign-in", page.Url, StringComparison.Ordinal);
        var anonymous = await context.APIRequest.GetAsync("/dashboard/api/overview");
        Assert.Equal(401, anonymous.Status);
        var script = await context.APIRequest.GetAsync("/dashboard/assets/app.js", new APIRequestContextOptions { MaxRedirects = 0 });
        Assert.Equal(302, script.Status);

        await page.GetByTestId("sign-in-key").FillAsync("mk_0123456789ab_not-a-real-key-0000000000000000000000000000");
        await page.GetByTestId("sign-in-submit").ClickAsync();
        await Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("not accepted");
        Assert.Equal(401, (await context.APIRequest.GetAsync("/dashboard/api/overview")).Status);

        await DashboardBrowser.SignInAsync(page, silo.ViewerKey);
        await Expect(page.GetByTestId("who")).ToHaveTextAsync("dashboard viewer (viewer)", Patiently);
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "maestro_dashboard");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal(200, (await context.APIRequest.GetAsync("/dashboard/api/overview")).Status);

        // A viewer sees the dashboard but not the audit log, as with /api/audit.
        Assert.Equal(403, (await context.APIRequest.GetAsync("/dashboard/api/audit")).Status);

        await page.GetByTestId("sign-out").ClickAsync();
        await DashboardBrowser.ArriveAsync(page, "/dashboard/sign-in", "sign-in-key");
        Assert.Equal(401, (await context.APIRequest.GetAsync("/dashboard/api/overview")).Status);
    }

    [Fact]
    public async Task Revoking_the_key_ends_its_dashboard_sessions()
    {
        var ct = TestContext.Current.CancellationToken;
        using var created = await silo.Admin.PostAsJsonAsync("/api/keys", new { name = "short-lived viewer", role = "viewer" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        using var dashboard = await DashboardHttp.SignInAsync(silo.Port, key.GetProperty("key").GetString()!, ct);
        using (var before = await dashboard.GetAsync("/dashboard/api/services", ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var revoked = await silo.Admin.DeleteAsync($"/api/keys/{key.GetProperty("keyId").GetString()}", ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using var after = await dashboard.GetAsync("/dashboard/api/services", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        using var page = await dashboard.GetAsync("/dashboard/", ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/dashboard/sign-in", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Every_page_loads_without_console_errors_and_shows_what_the_test_created()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var service = $"billing-{tag}";
        var workflow = $"wf-{tag}";
        var suite = $"web-{tag}";
        using (var registered = await silo.Admin.PostAsJsonAsync("/api/services", new { name = service, version = "1.4.2", baseUrl = "http://127.0.0.1:5000" }, ct))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        // fetch → (build, test) → publish, with "test" slow enough to be seen running.
        const string yaml = "name: release\nsteps:\n  - id: fetch\n    wait: {duration: 1ms}\n  - id: build\n    depends: [fetch]\n    wait: {duration: 1ms}\n" +
            "  - id: test\n    depends: [fetch]\n    wait: {duration: 120s}\n  - id: publish\n    depends: [build, test]\n    wait: {duration: 1ms}\n";
        using (var started = await silo.Admin.PostAsJsonAsync("/api/workflows", new { id = workflow, yaml }, ct))
        {
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        }

        // checkout.X alternates pass/fail over five runs: flaky, with its flip rate as evidence.
        const string pattern = "PFPFP";
        for (var i = 0; i < pattern.Length; i++)
        {
            await ImportRunAsync(suite, $"run-{tag}-{i + 1}", $"c{i + 1}", ("X", pattern[i]), ("Y", 'P'), ("Z", 'P'), ct);
        }

        var (context, page, errors) = await silo.NewPageAsync();
        await using var _context = context;
        await DashboardBrowser.SignInAsync(page, TestApiKeys.Admin);

        await DashboardBrowser.VisitAsync(page, "overview");
        await Expect(page.GetByTestId("tile-silos-value")).ToHaveTextAsync("1", Patiently);
        await Expect(page.GetByTestId("top-calls")).ToContainTextAsync("Get", new() { Timeout = 30_000 });

        // The history charts are drawn once the first per-second samples exist.
        await Expect(page.GetByTestId("tile-rps").Locator("svg polyline")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await DashboardBrowser.ScreenshotAsync(page, "overview");

        await DashboardBrowser.VisitAsync(page, "silos");
        await Expect(page.GetByTestId("silos")).ToContainTextAsync("Active", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("silos")).ToContainTextAsync("MiB", new() { Timeout = 30_000 });
        await DashboardBrowser.ScreenshotAsync(page, "silos");

        await DashboardBrowser.VisitAsync(page, "grains");
        await page.GetByTestId("grain-service").ClickAsync();
        await Expect(page.GetByTestId("grain-types")).ToContainTextAsync("IServiceGrain.", new() { Timeout = 30_000 });
        await DashboardBrowser.ScreenshotAsync(page, "grains");

        await DashboardBrowser.VisitAsync(page, "reminders");
        await Expect(page.GetByTestId("reminder-count")).ToContainTextAsync("reminders", new() { Timeout = 30_000 });
        await DashboardBrowser.ScreenshotAsync(page, "reminders");

        await DashboardBrowser.VisitAsync(page, "streams");
        await Expect(page.GetByTestId("streams")).ToContainTextAsync("Default", new() { Timeout = 30_000 });
        await DashboardBrowser.ScreenshotAsync(page, "streams");

        await DashboardBrowser.VisitAsync(page, "logs");
        await Expect(page.GetByTestId("log-lines")).ToContainTextAsync("Information", new() { Timeout = 30_000 });
        await page.GetByTestId("log-filter").FillAsync("dashboard.sign-in-never-logged");
        await Expect(page.GetByTestId("log-lines")).ToHaveTextAsync(string.Empty, Patiently);
        await DashboardBrowser.ScreenshotAsync(page, "logs");

        await DashboardBrowser.VisitAsync(page, "services");
        await page.GetByTestId($"service-{service}").ClickAsync();
        await Expect(page.GetByTestId($"service-{service}")).ToContainTextAsync("healthy", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("service-history")).ToContainTextAsync("healthy", new() { Timeout = 30_000 });
        await DashboardBrowser.ScreenshotAsync(page, "services");

        await DashboardBrowser.VisitAsync(page, "workflows");
        await page.GetByTestId($"workflow-{workflow}").ClickAsync();
        await Expect(page.GetByTestId("dag-step-fetch")).ToHaveAttributeAsync("data-status", "succeeded", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("dag-step-test")).ToHaveAttributeAsync("data-status", "running", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("dag-step-publish")).ToHaveAttributeAsync("data-status", "pending", new() { Timeout = 30_000 });
        Assert.Equal(4, await page.GetByTestId("workflow-dag").Locator("path.edge").CountAsync());
        await DashboardBrowser.ScreenshotAsync(page, "workflows");

        // Cancelling is seen live: the graph follows the workflow without a reload.
        using (var cancelled = await silo.Admin.PostAsJsonAsync($"/api/workflows/{workflow}/cancel", new { reason = "test done" }, ct))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        await Expect(page.GetByTestId("dag-step-test")).ToHaveAttributeAsync("data-status", "cancelled", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("workflow-steps")).ToContainTextAsync("cancelled", new() { Timeout = 30_000 });

        await DashboardBrowser.VisitAsync(page, "test-runs");
        await page.GetByTestId("test-runs-suite").FillAsync(suite);
        await page.GetByTestId("test-runs-suite-show").ClickAsync();
        await page.GetByTestId($"run-run-{tag}-2").ClickAsync();
        await Expect(page.GetByTestId("run-tests")).ToContainTextAsync("checkout.X", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("run-tests")).ToContainTextAsync("failed", new() { Timeout = 30_000 });
        await DashboardBrowser.ScreenshotAsync(page, "test-runs");

        await DashboardBrowser.VisitAsync(page, "flaky");
        await page.GetByTestId("flaky-suite").FillAsync(suite);
        await page.GetByTestId("flaky-suite-show").ClickAsync();
        await Expect(page.GetByTestId("flaky-tests")).ToContainTextAsync("checkout.X", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("flaky-tests")).ToContainTextAsync("flaky", new() { Timeout = 30_000 });
        await DashboardBrowser.ScreenshotAsync(page, "flaky-tests");

        await DashboardBrowser.VisitAsync(page, "audit");
        await page.GetByTestId("audit-target").FillAsync($"service:{service}");
        await page.GetByTestId("audit-target").PressAsync("Enter");
        await Expect(page.GetByTestId("audit").Locator("tbody tr")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("audit")).ToContainTextAsync("services.register", new() { Timeout = 30_000 });
        await DashboardBrowser.ScreenshotAsync(page, "audit");

        lock (errors)
        {
            Assert.Empty(errors);
        }
    }

    [Fact]
    public async Task Statistics_are_off_while_nobody_looks_on_while_the_overview_is_open_and_the_overview_updates_live()
    {
        var ct = TestContext.Current.CancellationToken;
        var (context, page, errors) = await silo.NewPageAsync();
        await using var _context = context;
        await DashboardBrowser.SignInAsync(page, silo.ViewerKey);

        // The audit page does not ask for statistics: once the window (3 s here) passes, counting is off.
        await page.GotoAsync("/dashboard/#/services");
        await WaitForCollectingAsync(context, false, ct);

        await page.GotoAsync("/dashboard/#/overview");
        await WaitForCollectingAsync(context, true, ct);
        await Expect(page.GetByTestId("collecting")).ToHaveTextAsync("(statistics on)", Patiently);
        var before = await CallsShownAsync(page);

        for (var i = 0; i < 20; i++)
        {
            using var response = await silo.Admin.GetAsync("/api/services", ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The tile follows without a reload, to at least the 20 calls the index grain answered.
        await Expect(page.GetByTestId("tile-calls-value")).Not.ToHaveTextAsync(before.ToString("N0", CultureInfo.InvariantCulture), Patiently);
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        while (await CallsShownAsync(page) < before + 20)
        {
            Assert.True(DateTime.UtcNow < deadline, "The overview never showed the 20 calls made after it opened.");
            await Task.Delay(200, ct);
        }

        await Expect(page.GetByTestId("top-calls")).ToContainTextAsync("IServiceIndexGrain.QueryAsync", new() { Timeout = 30_000 });

        // Closing the overview switches counting off again.
        await page.GotoAsync("/dashboard/#/services");
        await WaitForCollectingAsync(context, false, ct);
        lock (errors)
        {
            Assert.Empty(errors);
        }
    }

    [Fact]
    public async Task A_healing_session_shows_its_fix_and_candidates_and_the_approve_button_records_the_review()
    {
        var ct = TestContext.Current.CancellationToken;
        var (suite, sessionId) = await CreateHealingSessionAsync(ct);

        // The fix was applied and its re-run passed: the session waits for a person's review.
        using (var validated = await silo.Admin.PostAsJsonAsync($"/api/healing/sessions/{sessionId}/validation", new { passed = true, evidence = new[] { "re-run passed" }, durationMs = 840 }, ct))
        {
            Assert.Equal(HttpStatusCode.OK, validated.StatusCode);
        }

        var (context, page, errors) = await silo.NewPageAsync();
        await using var _context = context;
        await DashboardBrowser.SignInAsync(page, TestApiKeys.Admin);
        await OpenHealingSessionAsync(page, suite, sessionId);

        await Expect(page.GetByTestId("healing-session")).ToContainTextAsync("KeyError: 'userName'", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("healing-session")).ToContainTextAsync("user_name", new() { Timeout = 30_000 });
        await DashboardBrowser.ScreenshotAsync(page, "healing");
        await page.GetByTestId("healing-approve").ClickAsync();
        await Expect(page.GetByTestId("healing-outcome")).ToContainTextAsync("approved by", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("healing-message")).ToHaveTextAsync("Approved.", Patiently);

        var session = await silo.Admin.GetFromJsonAsync<JsonElement>($"/api/healing/sessions/{sessionId}", ct);
        Assert.Equal("approved", session.GetProperty("outcome").GetString());
        Assert.True(session.GetProperty("reviews")[0].GetProperty("approved").GetBoolean());
        Assert.Equal("from the dashboard", session.GetProperty("reviews")[0].GetProperty("comment").GetString());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_viewer_sees_healing_sessions_but_cannot_approve_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var (suite, sessionId) = await CreateHealingSessionAsync(ct);

        var (context, page, _) = await silo.NewPageAsync();
        await using var _context = context;
        await DashboardBrowser.SignInAsync(page, silo.ViewerKey);
        await OpenHealingSessionAsync(page, suite, sessionId);
        await page.GetByTestId("healing-approve").ClickAsync();

        await Expect(page.GetByTestId("healing-message")).ToHaveTextAsync("Reviewing needs an operator key: sign in with one.", Patiently);
        var session = await silo.Admin.GetFromJsonAsync<JsonElement>($"/api/healing/sessions/{sessionId}", ct);
        Assert.Equal(0, session.GetProperty("reviews").GetArrayLength());
    }

    [Fact]
    public async Task A_late_answer_for_the_page_left_behind_does_not_replace_the_page_shown()
    {
        var (context, page, errors) = await silo.NewPageAsync();
        await using var _context = context;
        await DashboardBrowser.SignInAsync(page, silo.ViewerKey);

        // The overview's next poll is held unanswered while the user moves on and types into another page's form.
        var asked = new TaskCompletionSource();
        var answer = new TaskCompletionSource();
        await page.RouteAsync("**/dashboard/api/overview", async route =>
        {
            asked.TrySetResult();
            await answer.Task;
            await route.ContinueAsync();
        });
        await asked.Task.WaitAsync(TestContext.Current.CancellationToken);
        await DashboardBrowser.VisitAsync(page, "healing");
        await page.GetByTestId("healing-suite").FillAsync("typed-suite");
        await page.RunAndWaitForRequestFinishedAsync(() =>
        {
            answer.SetResult();
            return Task.CompletedTask;
        }, new() { Predicate = r => r.Url.EndsWith("/dashboard/api/overview", StringComparison.Ordinal) });

        // Two task turns: the answer's JSON is read and the overview's refresh has run by then.
        await page.EvaluateAsync("() => new Promise(done => setTimeout(() => setTimeout(done, 0), 0))");
        await Expect(page.GetByTestId("view").Locator("h2")).ToHaveTextAsync("Healing sessions");
        Assert.Equal("typed-suite", await page.GetByTestId("healing-suite").InputValueAsync());
        Assert.Empty(errors);
    }

    /// <summary>Opens a session through the REST API (an API contract change with a fix) in a suite of its own.</summary>
    private async Task<(string Suite, string SessionId)> CreateHealingSessionAsync(CancellationToken ct)
    {
        var suite = $"api-{Guid.NewGuid():N}"[..12];
        using var created = await silo.Admin.PostAsJsonAsync("/api/healing/sessions", ApiJson.RenamedFieldHealing(suite), ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (suite, (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("sessionId").GetString()!);
    }

    private static async Task OpenHealingSessionAsync(IPage page, string suite, string sessionId)
    {
        await DashboardBrowser.VisitAsync(page, "healing");
        await page.GetByTestId("healing-suite").FillAsync(suite);
        await page.GetByTestId("healing-suite-show").ClickAsync();
        await page.GetByTestId($"healing-{sessionId}").ClickAsync();
    }

    private static async Task<long> CallsShownAsync(IPage page) =>
        long.Parse(await page.GetByTestId("tile-calls-value").InnerTextAsync(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    /// <summary>Polls the silo's collector state (reading it never switches counting on) until it is <paramref name="expected"/>.</summary>
    private static async Task WaitForCollectingAsync(IBrowserContext context, bool expected, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        while (true)
        {
            var response = await context.APIRequest.GetAsync("/dashboard/api/collector");
            Assert.Equal(200, response.Status);
            var state = await response.JsonAsync();
            if (state!.Value.GetProperty("collecting").GetBoolean() == expected)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Statistics never became {(expected ? "on" : "off")}.");
            await Task.Delay(200, ct);
        }
    }

    private async Task ImportRunAsync(string suite, string runId, string commit, (string Name, char Outcome) a, (string Name, char Outcome) b, (string Name, char Outcome) c, CancellationToken ct)
    {
        var xml = new StringBuilder("<testsuite name=\"checkout\">");
        foreach (var (name, outcome) in new[] { a, b, c })
        {
            xml.Append(CultureInfo.InvariantCulture, $"<testcase classname=\"checkout\" name=\"{name}\" time=\"0.01\">");
            if (outcome == 'F')
            {
                xml.Append("<failure message=\"expected 200, got 500\">stack</failure>");
            }

            xml.Append("</testcase>");
        }

        xml.Append("</testsuite>");
        using var body = new StringContent(xml.ToString(), Encoding.UTF8, "application/xml");
        using var response = await silo.Admin.PostAsync($"/api/test-runs/{runId}/results?format=junit&suite={suite}&branch=main&commit={commit}&environment=ci", body, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
