using System.Net.Http.Json;

namespace Maestro.Silo.Tests.Dashboard;

/// <summary>
/// Two silo processes on a private PostgreSQL with the REST gateway process in front of both (<see cref="GatewayCluster"/>),
/// a viewer key, and one headless Debian Chromium. Everything is stopped when the tests of the class are done.
/// </summary>
public sealed class GatewayDashboard : IAsyncLifetime
{
    private readonly GatewayCluster cluster = new();
    private DashboardBrowser? browser;

    /// <summary>The gateway's origin, e.g. http://127.0.0.1:8090.</summary>
    public string GatewayUrl => $"http://127.0.0.1:{cluster.Gateway.Port}";

    /// <summary>Each silo's own origin, in start order.</summary>
    public IReadOnlyList<string> SiloUrls => [.. cluster.Cluster.Silos.Select(s => $"http://127.0.0.1:{s.Port}")];

    public IReadOnlyList<string> SiloNames => [.. cluster.Cluster.Silos.Select(s => s.Name)];

    /// <summary>A client of the gateway's REST API with the tests' admin key.</summary>
    public HttpClient Admin => cluster.Admin;

    public string ViewerKey { get; private set; } = string.Empty;

    public DashboardBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await cluster.InitializeAsync();
        using var created = await Admin.PostAsJsonAsync("/api/keys", new { name = "gateway dashboard viewer", role = "viewer" }, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        ViewerKey = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("key").GetString()!;
        browser = await DashboardBrowser.LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        await cluster.DisposeAsync();
    }
}
