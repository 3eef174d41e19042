using System.Net.Http.Json;

namespace Maestro.Silo.Tests.Api;

/// <summary>
/// Every role's allowed and denied calls, and the audit record of a refused role, against any host of the REST API:
/// a silo (<see cref="AccessTests"/>) or the gateway process (<see cref="Gateway.GatewayAccessTests"/>).
/// </summary>
public abstract class RoleMatrixTests<TApi>(TApi api)
    where TApi : IRestApiUnderTest
{
    /// <summary>The host under test.</summary>
    protected TApi Api { get; } = api;

    [Theory]
    [InlineData("viewer", ApiCall.ListServices, HttpStatusCode.OK)]
    [InlineData("viewer", ApiCall.GetService, HttpStatusCode.OK)]
    [InlineData("viewer", ApiCall.ServiceHistory, HttpStatusCode.OK)]
    [InlineData("viewer", ApiCall.RegisterService, HttpStatusCode.Forbidden)]
    [InlineData("viewer", ApiCall.Heartbeat, HttpStatusCode.Forbidden)]
    [InlineData("viewer", ApiCall.DeregisterService, HttpStatusCode.Forbidden)]
    [InlineData("viewer", ApiCall.ListKeys, HttpStatusCode.Forbidden)]
    [InlineData("viewer", ApiCall.CreateKey, HttpStatusCode.Forbidden)]
    [InlineData("viewer", ApiCall.RevokeKey, HttpStatusCode.Forbidden)]
    [InlineData("viewer", ApiCall.QueryAudit, HttpStatusCode.Forbidden)]
    [InlineData("viewer", ApiCall.ExportAudit, HttpStatusCode.Forbidden)]
    [InlineData("operator", ApiCall.ListServices, HttpStatusCode.OK)]
    [InlineData("operator", ApiCall.GetService, HttpStatusCode.OK)]
    [InlineData("operator", ApiCall.RegisterService, HttpStatusCode.Created)]
    [InlineData("operator", ApiCall.Heartbeat, HttpStatusCode.OK)]
    [InlineData("operator", ApiCall.DeregisterService, HttpStatusCode.NoContent)]
    [InlineData("operator", ApiCall.ListKeys, HttpStatusCode.Forbidden)]
    [InlineData("operator", ApiCall.CreateKey, HttpStatusCode.Forbidden)]
    [InlineData("operator", ApiCall.RevokeKey, HttpStatusCode.Forbidden)]
    [InlineData("operator", ApiCall.QueryAudit, HttpStatusCode.Forbidden)]
    [InlineData("operator", ApiCall.ExportAudit, HttpStatusCode.Forbidden)]
    [InlineData("admin", ApiCall.ListServices, HttpStatusCode.OK)]
    [InlineData("admin", ApiCall.RegisterService, HttpStatusCode.Created)]
    [InlineData("admin", ApiCall.Heartbeat, HttpStatusCode.OK)]
    [InlineData("admin", ApiCall.DeregisterService, HttpStatusCode.NoContent)]
    [InlineData("admin", ApiCall.ListKeys, HttpStatusCode.OK)]
    [InlineData("admin", ApiCall.CreateKey, HttpStatusCode.Created)]
    [InlineData("admin", ApiCall.RevokeKey, HttpStatusCode.NoContent)]
    [InlineData("admin", ApiCall.QueryAudit, HttpStatusCode.OK)]
    [InlineData("admin", ApiCall.ExportAudit, HttpStatusCode.OK)]
    [InlineData("none", ApiCall.ListServices, HttpStatusCode.Unauthorized)]
    [InlineData("none", ApiCall.RegisterService, HttpStatusCode.Unauthorized)]
    [InlineData("none", ApiCall.ListKeys, HttpStatusCode.Unauthorized)]
    [InlineData("none", ApiCall.QueryAudit, HttpStatusCode.Unauthorized)]
    [InlineData("viewer", ApiCall.ListWorkflows, HttpStatusCode.OK)]
    [InlineData("viewer", ApiCall.StartWorkflow, HttpStatusCode.Forbidden)]
    [InlineData("viewer", ApiCall.ImportResults, HttpStatusCode.Forbidden)]
    [InlineData("viewer", ApiCall.FlakyTests, HttpStatusCode.OK)]
    [InlineData("operator", ApiCall.StartWorkflow, HttpStatusCode.Created)]
    [InlineData("operator", ApiCall.ImportResults, HttpStatusCode.OK)]
    [InlineData("none", ApiCall.ListWorkflows, HttpStatusCode.Unauthorized)]
    [InlineData("none", ApiCall.ImportResults, HttpStatusCode.Unauthorized)]
    [InlineData("none", ApiCall.FlakyTests, HttpStatusCode.Unauthorized)]
    public async Task Each_role_may_make_exactly_its_calls(string role, ApiCall call, HttpStatusCode expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = role switch
        {
            "viewer" => Api.Viewer,
            "operator" => Api.Operator,
            "admin" => Api.Admin,
            _ => Api.Anonymous,
        };
        var service = ApiJson.UniqueName("svc");
        using (var setup = await Api.Admin.PostAsJsonAsync("/api/services", ApiJson.Registration(service), ct))
        {
            Assert.Equal(HttpStatusCode.Created, setup.StatusCode);
        }

        var (_, spareKeyId) = await Api.CreateKeyAsync("viewer", ct);

        using var response = call switch
        {
            ApiCall.ListServices => await client.GetAsync("/api/services", ct),
            ApiCall.GetService => await client.GetAsync($"/api/services/{service}", ct),
            ApiCall.ServiceHistory => await client.GetAsync($"/api/services/{service}/history", ct),
            ApiCall.RegisterService => await client.PostAsJsonAsync("/api/services", ApiJson.Registration(ApiJson.UniqueName("new")), ct),
            ApiCall.Heartbeat => await client.PostAsync($"/api/services/{service}/heartbeat", null, ct),
            ApiCall.DeregisterService => await client.DeleteAsync($"/api/services/{service}", ct),
            ApiCall.ListKeys => await client.GetAsync("/api/keys", ct),
            ApiCall.CreateKey => await client.PostAsJsonAsync("/api/keys", new { name = "made in a test", role = "viewer" }, ct),
            ApiCall.RevokeKey => await client.DeleteAsync($"/api/keys/{spareKeyId}", ct),
            ApiCall.QueryAudit => await client.GetAsync("/api/audit", ct),
            ApiCall.ExportAudit => await client.GetAsync("/api/audit/export?format=csv", ct),
            ApiCall.ListWorkflows => await client.GetAsync("/api/workflows", ct),
            ApiCall.StartWorkflow => await client.PostAsJsonAsync(
                "/api/workflows", new { id = ApiJson.UniqueName("wf"), yaml = "name: access\nsteps:\n  - id: pause\n    wait: {duration: 1ms}\n" }, ct),
            ApiCall.ImportResults => await client.PostAsync(
                $"/api/test-runs/{ApiJson.UniqueName("run")}/results?format=junit&suite=access",
                new StringContent("<testsuite name=\"access\"><testcase classname=\"c\" name=\"t\"/></testsuite>", System.Text.Encoding.UTF8, "application/xml"),
                ct),
            ApiCall.FlakyTests => await client.GetAsync("/api/analytics/suites/access/flaky", ct),
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

        using var response = await Api.Viewer.PostAsJsonAsync("/api/services", ApiJson.Registration(ApiJson.UniqueName("nope")), ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var denial = (await ApiJson.AuditAsync(Api.Admin, $"action=auth.denied&actor={Api.ViewerKeyId}", ct))
            .Last(r => r.GetProperty("entry").GetProperty("parameters").GetProperty("path").GetString() == "/api/services"
                && r.GetProperty("entry").GetProperty("parameters").GetProperty("method").GetString() == "POST");
        var entry = denial.GetProperty("entry");
        Assert.Equal("denied", entry.GetProperty("outcome").GetString());
        Assert.Equal(403, entry.GetProperty("statusCode").GetInt32());
        Assert.Equal("viewer", entry.GetProperty("role").GetString());
        Assert.Equal("services.register", entry.GetProperty("parameters").GetProperty("attemptedAction").GetString());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("traceId").GetString()));
    }
}
