using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Maestro.Grains.Tests.Workflows;

namespace Maestro.Grains.Tests.Healing;

/// <summary>The healing endpoints of a real silo process, over HTTP: open a session, read it, review it, audited.</summary>
public sealed class HealingApiTests : IAsyncLifetime
{
    private SiloProcessHost silo = null!;

    private HttpClient Http => silo.Http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => silo = await SiloProcessHost.StartAsync();

    public ValueTask DisposeAsync() => silo.DisposeAsync();

    [Fact]
    public async Task A_failure_is_analysed_into_a_session_a_person_reviews_it_once_and_both_are_audited()
    {
        using var created = await Http.PostAsJsonAsync("/api/healing/sessions", new
        {
            suite = "api",
            testId = "users.get",
            errorMessage = "KeyError: 'userName'",
            definition = "steps:\n  - expect-json: { path: $.userName, equals: ada }\n",
            observed = new Dictionary<string, string> { ["response"] = """{"id": 1, "user_name": "ada"}""" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await ReadAsync(created);
        var id = session.GetProperty("sessionId").GetString()!;
        Assert.Equal($"/api/healing/sessions/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("apiContract", session.GetProperty("fix").GetProperty("strategy").GetString());
        Assert.Equal("user_name", session.GetProperty("fix").GetProperty("replacement").GetString());
        Assert.Equal("apply", session.GetProperty("decision").GetString());
        Assert.Equal("validating", session.GetProperty("outcome").GetString());

        using var validated = await Http.PostAsJsonAsync($"/api/healing/sessions/{id}/validation", new { passed = true, evidence = new[] { "re-run passed" }, durationMs = 840 }, Ct);
        Assert.Equal("healed", (await ReadAsync(validated)).GetProperty("outcome").GetString());
        using var reviewed = await Http.PostAsJsonAsync($"/api/healing/sessions/{id}/review", new { approved = true, comment = "renamed in v2" }, Ct);
        var review = await ReadAsync(reviewed);
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        Assert.Equal("approved", review.GetProperty("outcome").GetString());
        Assert.Equal("renamed in v2", review.GetProperty("reviews")[0].GetProperty("comment").GetString());
        using var again = await Http.PostAsJsonAsync($"/api/healing/sessions/{id}/review", new { approved = false }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        using var read = await Http.GetAsync($"/api/healing/sessions/{id}", Ct);
        Assert.Equal("approved", (await ReadAsync(read)).GetProperty("outcome").GetString());
        using var list = await Http.GetAsync("/api/healing/sessions?suite=api&limit=10", Ct);
        var line = Assert.Single((await ReadAsync(list)).EnumerateArray());
        Assert.Equal((id, "users.get", "apiContractChanged", "approved"), (line.GetProperty("sessionId").GetString(), line.GetProperty("testId").GetString(), line.GetProperty("kind").GetString(), line.GetProperty("outcome").GetString()));
        using var audit = await Http.GetAsync($"/api/audit?target=healing-session:{id}", Ct);
        var actions = (await ReadAsync(audit)).GetProperty("items").EnumerateArray()
            .Select(r => (r.GetProperty("entry").GetProperty("action").GetString(), r.GetProperty("entry").GetProperty("statusCode").GetInt32())).ToArray();
        Assert.Equal([("healing.analyse", 201), ("healing.validate", 200), ("healing.review", 200), ("healing.review", 409)], actions);
    }

    [Fact]
    public async Task Bad_requests_name_the_field_and_unknown_sessions_are_not_found()
    {
        using var missing = await Http.PostAsJsonAsync("/api/healing/sessions", new { suite = " ", errorMessage = "boom" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await ReadAsync(missing)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("suite", out _) && errors.TryGetProperty("testId", out _));

        using var noVerdict = await Http.PostAsJsonAsync("/api/healing/sessions/nobody/review", new { comment = "?" }, Ct);
        Assert.True((await ReadAsync(noVerdict)).GetProperty("errors").TryGetProperty("approved", out _));
        using var unknown = await Http.GetAsync("/api/healing/sessions/nobody", Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var unknownReview = await Http.PostAsJsonAsync("/api/healing/sessions/nobody/review", new { approved = true }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknownReview.StatusCode);
        using var noSuite = await Http.GetAsync("/api/healing/sessions?limit=0", Ct);
        var listErrors = (await ReadAsync(noSuite)).GetProperty("errors");
        Assert.True(listErrors.TryGetProperty("suite", out _) && listErrors.TryGetProperty("limit", out _));
        using var badShot = await Http.GetAsync("/api/healing/sessions/nobody/screenshots/during", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badShot.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_healing_endpoints()
    {
        using var response = await Http.GetAsync("/openapi/v1.json", Ct);

        var paths = (await ReadAsync(response)).GetProperty("paths");
        foreach (var path in new[] { "/api/healing/sessions", "/api/healing/sessions/{sessionId}", "/api/healing/sessions/{sessionId}/screenshots/{which}", "/api/healing/sessions/{sessionId}/validation", "/api/healing/sessions/{sessionId}/review", "/api/healing/trust/{suite}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
}
