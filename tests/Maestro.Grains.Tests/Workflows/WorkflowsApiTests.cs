using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Maestro.Grains.Tests.Workflows;

/// <summary>The workflow and template endpoints of a real silo process, over HTTP, as a client sees them.</summary>
public sealed class WorkflowsApiTests : IAsyncLifetime
{
    private const string Hello = """
        name: hello
        inputs:
          who: world
        outputs:
          greeting: ${steps.say.outputs.stdout}
        steps:
          - id: say
            process: {command: /bin/echo, args: ["hello ${inputs.who}"]}
        """;

    private SiloProcessHost silo = null!;

    private HttpClient http => silo.Http;

    public async ValueTask InitializeAsync() => silo = await SiloProcessHost.StartAsync();

    public ValueTask DisposeAsync() => silo.DisposeAsync();

    [Fact]
    public async Task An_invalid_definition_is_a_problem_listing_every_error_with_its_position()
    {
        const string yaml = "name: bad\nsteps:\n  - id: a\n    depends: [ghost]\n    wait: {duration: 1s, jitter: true}\n";

        using var response = await http.PostAsJsonAsync("/api/workflows", new { yaml, fileName = "bad.yaml" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal("The workflow definition is invalid", problem.GetProperty("title").GetString());
        Assert.Equal("2 problems; the first: bad.yaml:4:15: step 'a' depends on unknown step 'ghost'", problem.GetProperty("detail").GetString());
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("file").GetString(), e.GetProperty("line").GetInt32(), e.GetProperty("column").GetInt32())).ToArray();
        Assert.Equal([("bad.yaml", 4, 15), ("bad.yaml", 5, 26)], errors);

        using var list = await http.GetAsync("/api/workflows", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await ReadJsonAsync(list)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Starts_a_workflow_reads_it_back_and_pages_the_list()
    {
        using var created = await http.PostAsJsonAsync("/api/workflows", new { id = "greet-1", yaml = Hello, inputs = new { who = "maestro" } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/workflows/greet-1", created.Headers.Location?.OriginalString);
        using var second = await http.PostAsJsonAsync("/api/workflows", new { id = "greet-2", yaml = Hello }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);

        var done = await silo.WaitForWorkflowStatusAsync("greet-1", "completed");
        Assert.Equal("hello maestro", done.GetProperty("outputs").GetProperty("greeting").GetString());
        Assert.Equal("succeeded", done.GetProperty("steps")[0].GetProperty("status").GetString());
        Assert.Equal("say", done.GetProperty("criticalPath").GetProperty("steps")[0].GetString());
        await silo.WaitForWorkflowStatusAsync("greet-2", "completed");

        using var page = await http.GetAsync("/api/workflows?status=completed&offset=1&limit=1", TestContext.Current.CancellationToken);
        var body = await ReadJsonAsync(page);
        Assert.Equal((2, 1, 1), (body.GetProperty("total").GetInt32(), body.GetProperty("offset").GetInt32(), body.GetProperty("items").GetArrayLength()));

        using var journal = await http.GetAsync("/api/workflows/greet-1/journal?limit=2", TestContext.Current.CancellationToken);
        var entries = (await ReadJsonAsync(journal)).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("transition").GetString()!).ToArray();
        Assert.Equal(["started", "started"], entries);

        using var pause = await http.PostAsync("/api/workflows/greet-1/pause", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, pause.StatusCode);
        using var missing = await http.GetAsync("/api/workflows/nobody", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var badPage = await http.GetAsync("/api/workflows?limit=0", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    [Fact]
    public async Task A_template_with_bad_parameters_is_refused_and_a_good_one_is_versioned_and_started()
    {
        var bad = new
        {
            name = "greeter",
            yaml = Hello.Replace("hello ${inputs.who}", "{{GREETING}} ${inputs.who} {{ PUNCT }}", StringComparison.Ordinal),
            parameters = new[] { new { name = "GREETING", type = "text", @default = (string?)null }, new { name = "COUNT", type = "int", @default = (string?)"many" } },
        };
        using var refused = await http.PostAsJsonAsync("/api/templates", bad, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await ReadJsonAsync(refused);
        var messages = problem.GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("file").GetString()}:{e.GetProperty("line").GetInt32()}:{e.GetProperty("column").GetInt32()}: {e.GetProperty("message").GetString()}")
            .ToArray();
        Assert.Equal(
            [
                "greeter.parameters:1:1: parameter 'GREETING' has type 'text'; expected one of string, int, bool, duration",
                "greeter.parameters:2:1: the default of parameter 'COUNT': 'many' is not a whole number",
                "greeter.yaml:8:70: '{{PUNCT}}' is not a declared parameter",
                "greeter.parameters:2:1: parameter 'COUNT' is declared but the template never uses it",
            ],
            messages);
        using var none = await http.GetAsync("/api/templates/greeter", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);

        var good = new
        {
            name = "greeter",
            yaml = Hello.Replace("hello ${inputs.who}", "{{GREETING}} ${inputs.who}", StringComparison.Ordinal),
            parameters = new[] { new { name = "GREETING", type = "string", @default = "hi" } },
        };
        using var registered = await http.PostAsJsonAsync("/api/templates", good, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(1, (await ReadJsonAsync(registered)).GetProperty("version").GetInt32());
        using var again = await http.PostAsJsonAsync("/api/templates", good, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        using var start = await http.PostAsJsonAsync("/api/workflows", new { id = "from-template", template = "greeter", parameters = new Dictionary<string, string> { ["GREETING"] = "hey" } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var done = await silo.WaitForWorkflowStatusAsync("from-template", "completed");
        Assert.Equal("hey world", done.GetProperty("outputs").GetProperty("greeting").GetString());

        using var wrong = await http.PostAsJsonAsync("/api/workflows", new { template = "greeter", parameters = new Dictionary<string, string> { ["NAME"] = "x" } }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("greeter@v1:1:1: template 'greeter' has no parameter 'NAME'", (await ReadJsonAsync(wrong)).GetProperty("detail").GetString());

        using var list = await http.GetAsync("/api/templates", TestContext.Current.CancellationToken);
        var item = (await ReadJsonAsync(list)).GetProperty("items")[0];
        Assert.Equal(("greeter", 1), (item.GetProperty("name").GetString(), item.GetProperty("latestVersion").GetInt32()));
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
