using System.Net.Http.Json;
using System.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Maestro.Silo.Tests.Api;

/// <summary>The registry through REST on a real silo: register, heartbeat, expiry, discovery, history, errors.</summary>
public sealed class ServicesApiTests(SecuredSilo silo) : IClassFixture<SecuredSilo>
{
    [Fact]
    public async Task A_service_registers_expires_without_heartbeats_comes_back_and_deregisters()
    {
        var ct = TestContext.Current.CancellationToken;
        var name = ApiJson.UniqueName("billing");

        using var created = await silo.Operator.PostAsJsonAsync("/api/services", ApiJson.Registration(name, ["payments"]), ct);
        using var updated = await silo.Operator.PostAsJsonAsync("/api/services", ApiJson.Registration(name, ["payments", "eu"]), ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/services/{name}", created.Headers.Location?.ToString());
        Assert.Equal("healthy", (await created.JsonAsync(ct)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var expired = await WaitForStatusAsync(name, "expired", ct);
        Assert.Equal(["payments", "eu"], expired.GetProperty("registration").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        using var heartbeat = await silo.Operator.PostAsync($"/api/services/{name}/heartbeat", null, ct);

        Assert.Equal(HttpStatusCode.OK, heartbeat.StatusCode);
        var ack = await heartbeat.JsonAsync(ct);
        Assert.Equal("healthy", ack.GetProperty("status").GetString());
        Assert.True(ack.GetProperty("expiresAt").GetDateTimeOffset() > ack.GetProperty("nextHeartbeatDue").GetDateTimeOffset());
        using var history = await silo.Viewer.GetAsync($"/api/services/{name}/history?offset=1&limit=2", ct);
        var page = await history.JsonAsync(ct);
        Assert.Equal(["expired", "healthy"], page.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        Assert.Equal(3, page.GetProperty("total").GetInt32());

        using var deleted = await silo.Operator.DeleteAsync($"/api/services/{name}", ct);
        using var gone = await silo.Viewer.GetAsync($"/api/services/{name}", ct);
        using var goneHeartbeat = await silo.Operator.PostAsync($"/api/services/{name}/heartbeat", null, ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, goneHeartbeat.StatusCode);
    }

    [Fact]
    public async Task Discovery_filters_by_name_tags_and_status_and_pages()
    {
        var ct = TestContext.Current.CancellationToken;
        var tag = ApiJson.UniqueName("t");
        var first = ApiJson.UniqueName("a");
        var second = ApiJson.UniqueName("b");
        foreach (var (name, tags) in new[] { (first, new[] { tag, "blue" }), (second, new[] { tag }) })
        {
            using var response = await silo.Operator.PostAsJsonAsync("/api/services", ApiJson.Registration(name, tags), ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var both = await ListAsync($"tag={tag}", ct);
        var blue = await ListAsync($"tag={tag}&tag=blue", ct);
        var byName = await ListAsync($"name={second}", ct);
        var paged = await silo.Viewer.GetFromJsonAsync<JsonElement>($"/api/services?tag={tag}&offset=1&limit=1", ct);
        await WaitForStatusAsync(first, "expired", ct);
        var expired = await ListAsync($"tag={tag}&status=EXPIRED", ct);

        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), both);
        Assert.Equal([first], blue);
        Assert.Equal([second], byName);
        Assert.Equal(2, paged.GetProperty("total").GetInt32());
        Assert.Single(paged.GetProperty("items").EnumerateArray());
        Assert.Contains(first, expired);
    }

    [Theory]
    [InlineData("{\"version\":\"1.0.0\",\"baseUrl\":\"http://a\"}", "name")]
    [InlineData("{\"name\":\"ok\",\"version\":\"1.0.0\",\"baseUrl\":\"http://a\",\"port\":\"eighty\"}", "port")]
    [InlineData("{\"name\":\"ok\",\"version\":\"1.0.0\",\"baseUrl\":\"http://a\",\"tags\":[\"ok\",7]}", "tags[1]")]
    [InlineData("{\"name\":\"ok\",\"version\":\"1.0.0\",\"baseUrl\":\"http://a\",\"colour\":\"red\"}", "colour")]
    [InlineData("{\"name\":\"ok\",\"version\":\"1.0\",\"baseUrl\":\"http://a\"}", "version")]
    [InlineData("{\"name\":\"ok\",\"version\":\"1.0.0\",\"baseUrl\":\"http://a:8080\",\"port\":81}", "port")]
    [InlineData("{\"name\":\"ok\",\"version\":", "version")]
    [InlineData("[1,2]", "body")]
    public async Task An_invalid_body_is_a_problem_naming_the_field(string body, string field)
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await silo.Operator.PostAsync("/api/services", new StringContent(body, Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync(ct);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("/api/services?status=sleepy", "status")]
    [InlineData("/api/services?limit=0", "limit")]
    [InlineData("/api/services?offset=-1", "offset")]
    [InlineData("/api/services?limit=ten", "limit")]
    [InlineData("/api/services/Not_A_Name", "name")]
    public async Task Invalid_query_and_route_values_are_problems_naming_them(string path, string field)
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await silo.Viewer.GetAsync(path, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.JsonAsync(ct)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task The_OpenAPI_document_stays_valid_and_lists_the_registry_keys_and_audit()
    {
        var ct = TestContext.Current.CancellationToken;

        using var response = await silo.Anonymous.GetAsync("/openapi/v1.json", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(ct), OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.Empty(result.Diagnostic!.Errors);
        var paths = result.Document!.Paths!.Keys.ToList();
        foreach (var path in new[] { "/api/services", "/api/services/{name}", "/api/services/{name}/heartbeat", "/api/services/{name}/history", "/api/keys", "/api/keys/{keyId}", "/api/audit", "/api/audit/export" })
        {
            Assert.Contains(path, paths);
        }
    }

    private async Task<List<string?>> ListAsync(string query, CancellationToken ct)
    {
        var page = await silo.Viewer.GetFromJsonAsync<JsonElement>($"/api/services?{query}", ct);
        return [.. page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("name").GetString())];
    }

    private async Task<JsonElement> WaitForStatusAsync(string name, string status, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        while (true)
        {
            var service = await silo.Viewer.GetFromJsonAsync<JsonElement>($"/api/services/{name}", ct);
            if (service.GetProperty("status").GetString() == status)
            {
                return service;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{name} did not become {status} within {SiloProcess.Patience}: {service}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }
}
