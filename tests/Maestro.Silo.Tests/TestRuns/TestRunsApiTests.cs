using System.Net.Http.Headers;

namespace Maestro.Silo.Tests.TestRuns;

/// <summary>/api/test-runs and /api/analytics on a real silo process: imports, rejections as problem+json, reads.</summary>
public sealed class TestRunsApiTests(RunningSilo silo) : IClassFixture<RunningSilo>
{
    private static readonly string Fixtures = Path.Combine(SiloPaths.RepositoryRoot, "tests", "Maestro.Grains.Tests", "TestRuns", "Fixtures");

    [Fact]
    public async Task A_raw_junit_body_is_imported_and_the_run_its_gate_and_clusters_can_be_read()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (suite, runId) = Names();

        // Labelled as curl --data-binary labels a file: the body is still the raw file, not a form.
        var body = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(Fixtures, "surefire-reruns.xml"), cancellationToken));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var import = await silo.Http.PostAsync(
            $"/api/test-runs/{runId}/results?format=junit&suite={suite}&branch=main&commit=abc123&environment=ci", body, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        using (var imported = JsonDocument.Parse(await import.Content.ReadAsStringAsync(cancellationToken)))
        {
            var totals = imported.RootElement.GetProperty("totals");
            Assert.Equal(6, imported.RootElement.GetProperty("testsInFile").GetInt32());
            Assert.Equal((6, 1, 1, 2, 1, 1), (totals.GetProperty("total").GetInt32(), totals.GetProperty("passed").GetInt32(), totals.GetProperty("failed").GetInt32(),
                totals.GetProperty("flaky").GetInt32(), totals.GetProperty("skipped").GetInt32(), totals.GetProperty("error").GetInt32()));
        }

        using var run = JsonDocument.Parse(await silo.Http.GetStringAsync($"/api/test-runs/{runId}", cancellationToken));
        Assert.Equal(suite, run.RootElement.GetProperty("metadata").GetProperty("suite").GetString());
        Assert.Equal(6, run.RootElement.GetProperty("tests").GetArrayLength());

        using var runs = JsonDocument.Parse(await silo.Http.GetStringAsync($"/api/test-runs?suite={suite}&page=1&pageSize=10", cancellationToken));
        Assert.Equal(runId, Assert.Single(runs.RootElement.GetProperty("items").EnumerateArray()).GetProperty("runId").GetString());

        using var gate = JsonDocument.Parse(await silo.Http.GetStringAsync($"/api/test-runs/{runId}/gate?minPassRate=0.5&maxNewFailures=5", cancellationToken));
        Assert.True(gate.RootElement.GetProperty("passed").GetBoolean());

        using var clusters = JsonDocument.Parse(await silo.Http.GetStringAsync($"/api/test-runs/{runId}/clusters", cancellationToken));
        Assert.Equal(2, clusters.RootElement.GetArrayLength());

        using var history = JsonDocument.Parse(await silo.Http.GetStringAsync(
            $"/api/analytics/suites/{suite}/history?testId={Uri.EscapeDataString("com.acme.CheckoutTest.appliesCoupon")}", cancellationToken));
        Assert.Equal("flaky", Assert.Single(history.RootElement.GetProperty("entries").EnumerateArray()).GetProperty("status").GetString());

        using var flaky = await silo.Http.GetAsync($"/api/analytics/suites/{suite}/flaky?branch=main", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, flaky.StatusCode);
    }

    [Fact]
    public async Task A_multipart_trx_upload_is_imported_under_its_file_name()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (suite, runId) = Names();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(Fixtures, "dotnet-nested.trx"), cancellationToken));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(file, "file", "dotnet-nested.trx");

        using var import = await silo.Http.PostAsync($"/api/test-runs/{runId}/results?format=trx&suite={suite}", form, cancellationToken);

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        using var body = JsonDocument.Parse(await import.Content.ReadAsStringAsync(cancellationToken));
        Assert.Equal("dotnet-nested.trx", body.RootElement.GetProperty("file").GetString());
        Assert.Equal(8, body.RootElement.GetProperty("totals").GetProperty("total").GetInt32());
        Assert.Equal(1, body.RootElement.GetProperty("totals").GetProperty("flaky").GetInt32());
    }

    [Fact]
    public async Task A_malformed_file_is_a_400_with_the_parser_position_and_nothing_is_imported()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (suite, runId) = Names();

        using var import = await silo.Http.PostAsync(
            $"/api/test-runs/{runId}/results?format=junit&suite={suite}",
            new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(Fixtures, "malformed-junit.xml"), cancellationToken)),
            cancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Equal("application/problem+json", import.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await import.Content.ReadAsStringAsync(cancellationToken));
        Assert.Equal(6, problem.RootElement.GetProperty("line").GetInt32());
        Assert.Equal(5, problem.RootElement.GetProperty("position").GetInt32());
        Assert.StartsWith("malformed XML", problem.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        using var run = await silo.Http.GetAsync($"/api/test-runs/{runId}", cancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, run.StatusCode);
    }

    [Fact]
    public async Task A_file_with_entity_declarations_is_refused()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (suite, runId) = Names();

        using var import = await silo.Http.PostAsync(
            $"/api/test-runs/{runId}/results?format=junit&suite={suite}",
            new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(Fixtures, "billion-laughs.xml"), cancellationToken)),
            cancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        using var problem = JsonDocument.Parse(await import.Content.ReadAsStringAsync(cancellationToken));
        Assert.Contains("DTD", problem.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run-1/results?suite=s", "format is required")]
    [InlineData("run-1/results?format=junit", "suite is required")]
    [InlineData("run%20one/results?format=junit&suite=s", "Invalid run id")]
    public async Task Missing_or_invalid_parameters_are_400_problems_that_say_which(string path, string title)
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        using var response = await silo.Http.PostAsync($"/api/test-runs/{path}", new ByteArrayContent("<testsuite/>"u8.ToArray()), cancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
    }

    private static (string Suite, string RunId) Names() => ($"suite-{Guid.NewGuid():N}", $"run-{Guid.NewGuid():N}");
}
