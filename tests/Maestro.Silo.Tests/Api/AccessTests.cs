using System.Net.Http.Json;

namespace Maestro.Silo.Tests.Api;

/// <summary>Every role's allowed and denied calls through the real silo, and the audit records of denials.</summary>
public sealed class AccessTests(SecuredSilo silo) : IClassFixture<SecuredSilo>
{
    public enum Call
    {
        ListServices,
        GetService,
        ServiceHistory,
        RegisterService,
        Heartbeat,
        DeregisterService,
        ListKeys,
        CreateKey,
        RevokeKey,
        QueryAudit,
        ExportAudit,
        ListWorkflows,
        StartWorkflow,
        ImportResults,
        FlakyTests,
    }

    [Theory]
    [InlineData("viewer", Call.ListServices, HttpStatusCode.OK)]
    [InlineData("viewer", Call.GetService, HttpStatusCode.OK)]
    [InlineData("viewer", Call.ServiceHistory, HttpStatusCode.OK)]
    [InlineData("viewer", Call.RegisterService, HttpStatusCode.Forbidden)]
    [InlineData("viewer", Call.Heartbeat, HttpStatusCode.Forbidden)]
    [InlineData("viewer", Call.DeregisterService, HttpStatusCode.Forbidden)]
    [InlineData("viewer", Call.ListKeys, HttpStatusCode.Forbidden)]
    [InlineData("viewer", Call.CreateKey, HttpStatusCode.Forbidden)]
    [InlineData("viewer", Call.RevokeKey, HttpStatusCode.Forbidden)]
    [InlineData("viewer", Call.QueryAudit, HttpStatusCode.Forbidden)]
    [InlineData("viewer", Call.ExportAudit, HttpStatusCode.Forbidden)]
    [InlineData("operator", Call.ListServices, HttpStatusCode.OK)]
    [InlineData("operator", Call.GetService, HttpStatusCode.OK)]
    [InlineData("operator", Call.RegisterService, HttpStatusCode.Created)]
    [InlineData("operator", Call.Heartbeat, HttpStatusCode.OK)]
    [InlineData("operator", Call.DeregisterService, HttpStatusCode.NoContent)]
    [InlineData("operator", Call.ListKeys, HttpStatusCode.Forbidden)]
    [InlineData("operator", Call.CreateKey, HttpStatusCode.Forbidden)]
    [InlineData("operator", Call.RevokeKey, HttpStatusCode.Forbidden)]
    [InlineData("operator", Call.QueryAudit, HttpStatusCode.Forbidden)]
    [InlineData("operator", Call.ExportAudit, HttpStatusCode.Forbidden)]
    [InlineData("admin", Call.ListServices, HttpStatusCode.OK)]
    [InlineData("admin", Call.RegisterService, HttpStatusCode.Created)]
    [InlineData("admin", Call.Heartbeat, HttpStatusCode.OK)]
    [InlineData("admin", Call.DeregisterService, HttpStatusCode.NoContent)]
    [InlineData("admin", Call.ListKeys, HttpStatusCode.OK)]
    [InlineData("admin", Call.CreateKey, HttpStatusCode.Created)]
    [InlineData("admin", Call.RevokeKey, HttpStatusCode.NoContent)]
    [InlineData("admin", Call.QueryAudit, HttpStatusCode.OK)]
    [InlineData("admin", Call.ExportAudit, HttpStatusCode.OK)]
    [InlineData("none", Call.ListServices, HttpStatusCode.Unauthorized)]
    [InlineData("none", Call.RegisterService, HttpStatusCode.Unauthorized)]
    [InlineData("none", Call.ListKeys, HttpStatusCode.Unauthorized)]
    [InlineData("none", Call.QueryAudit, HttpStatusCode.Unauthorized)]
    [InlineData("viewer", Call.ListWorkflows, HttpStatusCode.OK)]
    [InlineData("viewer", Call.StartWorkflow, HttpStatusCode.Forbidden)]
    [InlineData("viewer", Call.ImportResults, HttpStatusCode.Forbidden)]
    [InlineData("viewer", Call.FlakyTests, HttpStatusCode.OK)]
    [InlineData("operator", Call.StartWorkflow, HttpStatusCode.Created)]
    [InlineData("operator", Call.ImportResults, HttpStatusCode.OK)]
    [InlineData("none", Call.ListWorkflows, HttpStatusCode.Unauthorized)]
    [InlineData("none", Call.ImportResults, HttpStatusCode.Unauthorized)]
    [InlineData("none", Call.FlakyTests, HttpStatusCode.Unauthorized)]
    public async Task Each_role_may_make_exactly_its_calls(string role, Call call, HttpStatusCode expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = role switch
        {
            "viewer" => silo.Viewer,
            "operator" => silo.Operator,
            "admin" => silo.Admin,
            _ => silo.Anonymous,
        };
        var service = ApiJson.UniqueName("svc");
        using (var setup = await silo.Admin.PostAsJsonAsync("/api/services", ApiJson.Registration(service), ct))
        {
            Assert.Equal(HttpStatusCode.Created, setup.StatusCode);
        }

        var (_, spareKeyId) = await silo.CreateKeyAsync("viewer", ct);

        using var response = call switch
        {
            Call.ListServices => await client.GetAsync("/api/services", ct),
            Call.GetService => await client.GetAsync($"/api/services/{service}", ct),
            Call.ServiceHistory => await client.GetAsync($"/api/services/{service}/history", ct),
            Call.RegisterService => await client.PostAsJsonAsync("/api/services", ApiJson.Registration(ApiJson.UniqueName("new")), ct),
            Call.Heartbeat => await client.PostAsync($"/api/services/{service}/heartbeat", null, ct),
            Call.DeregisterService => await client.DeleteAsync($"/api/services/{service}", ct),
            Call.ListKeys => await client.GetAsync("/api/keys", ct),
            Call.CreateKey => await client.PostAsJsonAsync("/api/keys", new { name = "made in a test", role = "viewer" }, ct),
            Call.RevokeKey => await client.DeleteAsync($"/api/keys/{spareKeyId}", ct),
            Call.QueryAudit => await client.GetAsync("/api/audit", ct),
            Call.ExportAudit => await client.GetAsync("/api/audit/export?format=csv", ct),
            Call.ListWorkflows => await client.GetAsync("/api/workflows", ct),
            Call.StartWorkflow => await client.PostAsJsonAsync(
                "/api/workflows", new { id = ApiJson.UniqueName("wf"), yaml = "name: access\nsteps:\n  - id: pause\n    wait: {duration: 1ms}\n" }, ct),
            Call.ImportResults => await client.PostAsync(
                $"/api/test-runs/{ApiJson.UniqueName("run")}/results?format=junit&suite=access",
                new StringContent("<testsuite name=\"access\"><testcase classname=\"c\" name=\"t\"/></testsuite>", System.Text.Encoding.UTF8, "application/xml"),
                ct),
            Call.FlakyTests => await client.GetAsync("/api/analytics/suites/access/flaky", ct),
            _ => throw new ArgumentOutOfRangeException(nameof(call)),
        };

        Assert.Equal(expected, response.StatusCode);
        if (expected is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_refused_role_is_audited_with_the_key_and_the_attempted_action()
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await silo.Viewer.PostAsJsonAsync("/api/services", ApiJson.Registration(ApiJson.UniqueName("nope")), ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var denial = (await ApiJson.AuditAsync(silo.Admin, $"action=auth.denied&actor={silo.ViewerKeyId}", ct))
            .Last(r => r.GetProperty("entry").GetProperty("parameters").GetProperty("path").GetString() == "/api/services"
                && r.GetProperty("entry").GetProperty("parameters").GetProperty("method").GetString() == "POST");
        var entry = denial.GetProperty("entry");
        Assert.Equal("denied", entry.GetProperty("outcome").GetString());
        Assert.Equal(403, entry.GetProperty("statusCode").GetInt32());
        Assert.Equal("viewer", entry.GetProperty("role").GetString());
        Assert.Equal("services.register", entry.GetProperty("parameters").GetProperty("attemptedAction").GetString());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task Requests_without_a_valid_key_are_refused_and_audited_without_the_secret()
    {
        var ct = TestContext.Current.CancellationToken;
        var unknownKey = "mk_0000000000ff_" + new string('z', 43);
        using var stranger = TestApiKeys.Client(silo.Port, unknownKey);

        using var none = await silo.Anonymous.GetAsync("/api/keys", ct);
        using var unknown = await stranger.GetAsync("/api/keys", ct);
        using var malformed = await TestApiKeys.Client(silo.Port, "let-me-in").GetAsync("/api/keys", ct);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, malformed.StatusCode);
        Assert.Contains("ApiKey", none.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var denials = await ApiJson.AuditAsync(silo.Admin, "action=auth.denied&actor=anonymous", ct);
        var unknownDenial = denials.Last(r => r.GetProperty("entry").GetProperty("parameters").TryGetProperty("presentedKeyId", out var id) && id.GetString() == "0000000000ff");
        Assert.Equal("GET /api/keys", unknownDenial.GetProperty("entry").GetProperty("target").GetString());
        Assert.Equal(401, unknownDenial.GetProperty("entry").GetProperty("statusCode").GetInt32());
        using var export = await silo.Admin.GetAsync("/api/audit/export?format=json", ct);
        Assert.DoesNotContain(unknownKey, await export.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_authorization_header_form_works_and_a_revoked_key_stops_working()
    {
        var ct = TestContext.Current.CancellationToken;
        using var created = await silo.Admin.PostAsJsonAsync("/api/keys", new { name = "short-lived", role = "operator" }, ct);
        var body = await created.JsonAsync(ct);
        var key = body.GetProperty("key").GetString()!;
        var keyId = body.GetProperty("keyId").GetString()!;
        using var client = TestApiKeys.Client(silo.Port, null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", key);

        using var before = await client.GetAsync("/api/services", ct);
        using var revoke = await silo.Admin.DeleteAsync($"/api/keys/{keyId}", ct);
        using var after = await client.GetAsync("/api/services", ct);
        using var again = await silo.Admin.DeleteAsync($"/api/keys/{keyId}", ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var list = await silo.Admin.GetAsync("/api/keys", ct);
        var listed = (await list.JsonAsync(ct)).EnumerateArray().Single(k => k.GetProperty("keyId").GetString() == keyId);
        Assert.Equal(JsonValueKind.String, listed.GetProperty("revokedAt").ValueKind);
        Assert.DoesNotContain(key, listed.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            ["createdAt", "createdBy", "keyId", "name", "revokedAt", "role"],
            listed.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_last_admin_key_cannot_be_revoked()
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await silo.Admin.DeleteAsync($"/api/keys/{TestApiKeys.AdminKeyId}", ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var stillWorks = await silo.Admin.GetAsync("/api/keys", ct);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }
}
