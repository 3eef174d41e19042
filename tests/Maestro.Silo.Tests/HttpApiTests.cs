using System.Globalization;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Maestro.Silo.Tests;

/// <summary>The HTTP API of a running silo process: health probe, OpenAPI document, problem+json errors.</summary>
public sealed class HttpApiTests(RunningSilo silo) : IClassFixture<RunningSilo>
{
    [Fact]
    public async Task Health_reports_the_silo_it_is_served_by()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        using var response = await silo.Http.GetAsync("/health", cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var health = json.RootElement;
        Assert.Equal(
            ["activations", "clusterId", "serviceId", "silo", "startedAt", "status", "uptimeSeconds"],
            health.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal(silo.SiloName, health.GetProperty("silo").GetString());
        Assert.Equal(RunningSilo.ServiceId, health.GetProperty("serviceId").GetString());
        Assert.Equal(RunningSilo.ClusterId, health.GetProperty("clusterId").GetString());
        var startedAt = DateTimeOffset.Parse(health.GetProperty("startedAt").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.Zero, startedAt.Offset);
        Assert.True(health.GetProperty("uptimeSeconds").GetDouble() >= 0);
        Assert.True(health.GetProperty("activations").GetInt32() >= 0);
    }

    [Fact]
    public async Task A_silo_running_alone_maps_neither_the_cluster_nor_the_test_support_endpoints()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        using var cluster = await silo.Http.GetAsync("/api/cluster/silos", cancellationToken);
        using var testSupport = await silo.Http.PostAsync("/test-support/grains/ITestCounterGrain/k/Increment", content: null, cancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, cluster.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, testSupport.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_is_valid_and_lists_health()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        using var response = await silo.Http.GetAsync("/openapi/v1.json", cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var result = OpenApiDocument.Parse(text, OpenApiConstants.Json, new OpenApiReaderSettings());
        Assert.NotNull(result.Diagnostic);
        Assert.Empty(result.Diagnostic.Errors);
        var document = Assert.IsType<OpenApiDocument>(result.Document);
        Assert.StartsWith("3.", JsonDocument.Parse(text).RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.NotNull(document.Paths);
        var health = Assert.Contains("/health", document.Paths);
        Assert.NotNull(health.Operations);
        var get = Assert.Contains(HttpMethod.Get, health.Operations);
        Assert.NotNull(get.Responses);
        Assert.Contains("200", get.Responses.Keys);
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_details_404()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        using var response = await silo.Http.GetAsync("/no-such-route", cancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("title").GetString()));
    }
}
