using System.Net.Http.Json;

namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>The first admin key the tests give silos through <c>Maestro__InitialApiKey</c>, and how to send keys.</summary>
internal static class TestApiKeys
{
    public const string AdminKeyId = "a11ce0000001";

    public const string Admin = "mk_" + AdminKeyId + "_test-admin-key-000000000000000000000000000";

    public const string Header = "X-Api-Key";

    /// <summary>The environment that makes <see cref="Admin"/> the silo's first admin key.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } =
        new Dictionary<string, string> { ["Maestro__InitialApiKey"] = Admin };

    /// <summary>A client of <paramref name="port"/> that sends <paramref name="key"/> (none when null).</summary>
    public static HttpClient Client(int port, string? key)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = SiloProcess.Patience };
        if (key is not null)
        {
            http.DefaultRequestHeaders.Add(Header, key);
        }

        return http;
    }

    /// <summary>
    /// Creates a key with <paramref name="role"/> through the API with <paramref name="admin"/>; returns a client of
    /// <paramref name="port"/> sending it, and its id.
    /// </summary>
    public static async Task<(HttpClient Client, string KeyId)> CreateKeyAsync(HttpClient admin, int port, string role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        using var response = await admin.PostAsJsonAsync("/api/keys", new { name = $"test {role}", role }, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return (Client(port, created.GetProperty("key").GetString()), created.GetProperty("keyId").GetString()!);
    }
}
