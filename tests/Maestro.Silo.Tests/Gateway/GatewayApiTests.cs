using System.Net.Http.Json;
using Maestro.Silo.Tests.Api;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Maestro.Silo.Tests.Gateway;

/// <summary>
/// The REST gateway as its own process in front of two silo processes on PostgreSQL: the same endpoints as the silo,
/// answered from the cluster's state; its OpenAPI document, problem details and <c>/health</c>.
/// </summary>
public sealed class GatewayApiTests(GatewayCluster cluster) : IClassFixture<GatewayCluster>
{
    [Fact]
    public async Task A_service_registered_through_the_gateway_is_the_cluster_s_and_a_workflow_runs_to_its_end()
    {
        var ct = TestContext.Current.CancellationToken;
        var service = ApiJson.UniqueName("gw");
        var workflowId = ApiJson.UniqueName("wf");
        const string yaml = """
            name: through-the-gateway
            steps:
              - id: settle
                wait: {duration: 10ms}
              - id: greet
                depends: [settle]
                process:
                  command: /bin/echo
                  args: ["::output greeting=hello"]
            """;

        using var registered = await cluster.Operator.PostAsJsonAsync("/api/services", ApiJson.Registration(service, ["gateway"]), ct);
        using var started = await cluster.Operator.PostAsJsonAsync("/api/workflows", new { id = workflowId, yaml }, ct);

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal($"/api/services/{service}", registered.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        // The silo's own API sees what the gateway stored: the state is the cluster's, not the gateway's.
        var onSilo = await cluster.SiloAdmin.GetFromJsonAsync<JsonElement>($"/api/services/{service}", ct);
        Assert.Equal(["gateway"], onSilo.GetProperty("registration").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var discovered = await cluster.Viewer.GetFromJsonAsync<JsonElement>("/api/services?tag=gateway", ct);
        Assert.Contains(service, discovered.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        var finished = await WaitForWorkflowAsync(workflowId, ct);
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        var greet = finished.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "greet");
        Assert.Equal("hello", greet.GetProperty("outputs").GetProperty("greeting").GetString());
        var audited = await ApiJson.AuditAsync(cluster.Admin, $"target=service:{service}&action=services.register", ct);
        Assert.Equal("succeeded", Assert.Single(audited).GetProperty("entry").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task The_gateway_serves_a_valid_OpenAPI_document_with_the_shared_endpoints_and_not_the_silo_only_ones()
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await cluster.Anonymous.GetAsync("/openapi/v1.json", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(ct), OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.Empty(result.Diagnostic!.Errors);
        var document = result.Document!;
        Assert.Equal("Maestro gateway", document.Info.Title);
        var paths = document.Paths!.Keys.ToList();
        foreach (var path in new[]
        {
            "/health", "/api/services", "/api/services/{name}/heartbeat", "/api/workflows", "/api/workflows/{id}/journal",
            "/api/templates", "/api/test-runs/{runId}/results", "/api/keys", "/api/audit", "/api/audit/export",
            "/api/healing/sessions", "/api/healing/sessions/{sessionId}/review",
        })
        {
            Assert.Contains(path, paths);
        }

        Assert.DoesNotContain("/api/cluster/silos", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/test-support", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_healing_session_opened_and_reviewed_through_the_gateway_is_the_cluster_s_and_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        var suite = ApiJson.UniqueName("heal");

        using var created = await cluster.Operator.PostAsJsonAsync("/api/healing/sessions", ApiJson.RenamedFieldHealing(suite), ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var sessionId = (await created.JsonAsync(ct)).GetProperty("sessionId").GetString()!;
        using var validated = await cluster.Operator.PostAsJsonAsync($"/api/healing/sessions/{sessionId}/validation", new { passed = true, evidence = new[] { "re-run passed" }, durationMs = 840 }, ct);
        Assert.Equal(HttpStatusCode.OK, validated.StatusCode);
        using var reviewed = await cluster.Operator.PostAsJsonAsync($"/api/healing/sessions/{sessionId}/review", new { approved = false, comment = "not this field" }, ct);

        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        var onSilo = await cluster.SiloAdmin.GetFromJsonAsync<JsonElement>($"/api/healing/sessions/{sessionId}", ct);
        Assert.Equal("apiContractChanged", onSilo.GetProperty("classification").GetProperty("kind").GetString());
        Assert.Equal("not this field", Assert.Single(onSilo.GetProperty("reviews").EnumerateArray()).GetProperty("comment").GetString());
        var listed = await cluster.Viewer.GetFromJsonAsync<JsonElement[]>($"/api/healing/sessions?suite={suite}", ct);
        Assert.Equal(sessionId, Assert.Single(listed!).GetProperty("sessionId").GetString());
        var audited = await ApiJson.AuditAsync(cluster.Admin, $"target=healing-session:{sessionId}", ct);
        Assert.Equal(["healing.analyse", "healing.review", "healing.validate"], audited.Select(r => r.GetProperty("entry").GetProperty("action").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Errors_through_the_gateway_are_problem_details_naming_the_field()
    {
        var ct = TestContext.Current.CancellationToken;

        using var badPort = await cluster.Operator.PostAsJsonAsync("/api/services", new { name = "bad-port", version = "1.0.0", baseUrl = "http://127.0.0.1:9", port = "nine" }, ct);
        using var unknownService = await cluster.Viewer.GetAsync($"/api/services/{ApiJson.UniqueName("none")}", ct);
        using var unknownRoute = await cluster.Anonymous.GetAsync("/no-such-route", ct);

        Assert.Equal(HttpStatusCode.BadRequest, badPort.StatusCode);
        Assert.Equal("application/problem+json", badPort.Content.Headers.ContentType?.MediaType);
        Assert.True((await badPort.JsonAsync(ct)).GetProperty("errors").TryGetProperty("port", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknownService.StatusCode);
        Assert.Equal("application/problem+json", unknownService.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknownRoute.StatusCode);
        Assert.Equal("application/problem+json", unknownRoute.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_needs_no_key_and_shows_the_silos_the_gateway_reaches()
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await cluster.Anonymous.GetAsync("/health", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.JsonAsync(ct);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal(2, health.GetProperty("activeSilos").GetArrayLength());
        var known = health.GetProperty("knownGateways").EnumerateArray().Select(g => g.GetString()).ToList();
        foreach (var silo in cluster.Cluster.Silos)
        {
            Assert.Contains(silo.Gateway.ToString(), known);
        }
    }

    private async Task<JsonElement> WaitForWorkflowAsync(string id, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        while (true)
        {
            var workflow = await cluster.Viewer.GetFromJsonAsync<JsonElement>($"/api/workflows/{id}", ct);
            if (workflow.GetProperty("status").GetString() is not ("running" or "notStarted"))
            {
                return workflow;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The workflow {id} did not finish within {SiloProcess.Patience}: {workflow}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }
}
