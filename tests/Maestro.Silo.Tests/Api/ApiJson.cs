using System.Net.Http.Json;

namespace Maestro.Silo.Tests.Api;

/// <summary>Small helpers for the REST tests.</summary>
internal static class ApiJson
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, CancellationToken cancellationToken) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).Clone();

    public static object Registration(string name, string[]? tags = null, string baseUrl = "http://127.0.0.1:9") =>
        new { name, version = "1.0.0", baseUrl, tags = tags ?? [] };

    /// <summary>A healing session request for an API contract change (a renamed JSON field) that healing can fix.</summary>
    public static object RenamedFieldHealing(string suite) => new
    {
        suite,
        testId = "users.get",
        errorMessage = "KeyError: 'userName'",
        definition = "steps:\n  - expect-json: { path: $.userName, equals: ada }\n",
        observed = new Dictionary<string, string> { ["response"] = """{"id": 1, "user_name": "ada"}""" },
    };

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>The audit records matching a query string, e.g. <c>action=keys.create</c>.</summary>
    public static async Task<List<JsonElement>> AuditAsync(HttpClient admin, string query, CancellationToken cancellationToken)
    {
        using var response = await admin.GetAsync($"/api/audit?limit=500&{query}", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.JsonAsync(cancellationToken);
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
