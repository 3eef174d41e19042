using System.Globalization;
using System.Net.Http.Json;

namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>
/// One silo process of a <see cref="SiloCluster"/>: cluster mode, the test grains loaded, its own ports, and the test
/// admin key as its first key (whichever silo starts first stores it; the others find it there).
/// </summary>
internal sealed class ClusterSilo : IAsyncDisposable
{
    private ClusterSilo(string name, int port, int siloPort, int gatewayPort, SiloProcess process)
    {
        Name = name;
        Port = port;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        Process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        // The registry, key and test-support endpoints need a key: every silo gets the same first admin key.
        Http.DefaultRequestHeaders.Add(TestApiKeys.Header, TestApiKeys.Admin);
    }

    public string Name { get; }

    public int Port { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>The gateway address a client uses, as the cluster advertises it.</summary>
    public Uri Gateway => new($"http://127.0.0.1:{GatewayPort}/");

    public SiloProcess Process { get; }

    public HttpClient Http { get; }

    /// <summary>The test admin key, and registry timings short enough to see expiry and failover within a test.</summary>
    private static Dictionary<string, string> SiloEnvironment { get; } = new(TestApiKeys.Environment)
    {
        ["Maestro__Registry__HeartbeatInterval"] = "00:00:01",
        ["Maestro__Registry__HeartbeatTimeout"] = "00:00:05",
        ["Maestro__Registry__ExpiryCheckPeriod"] = "00:00:00.200",
        ["Maestro__Registry__SupervisorPeriod"] = "00:00:01",
    };

    /// <summary>Starts a silo process; <paramref name="environment"/> adds to (or overrides) the test defaults above.</summary>
    public static ClusterSilo Start(string workingDirectory, string name, string connectionString, string secretFile, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort.Next();
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        var settings = new Dictionary<string, string>(SiloEnvironment);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var process = SiloProcess.StartWithEnvironment(
            workingDirectory,
            settings,
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture),
            "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture),
            "--data", Path.Combine(workingDirectory, name),
            "--service-id", "svc-cluster",
            "--cluster-id", "cluster-under-test",
            "--silo-name", name,
            "--postgres", connectionString,
            "--cluster-secret-file", secretFile,
            "--grain-assembly", SiloPaths.TestGrainsAssembly);
        return new ClusterSilo(name, port, siloPort, gatewayPort, process);
    }

    /// <summary>Calls a parameterless method of <c>ITestCounterGrain</c> through this silo's test-support endpoint.</summary>
    public Task<HttpResponseMessage> CallCounterAsync(string key, string method, CancellationToken cancellationToken) =>
        Http.PostAsync(new Uri($"/test-support/grains/ITestCounterGrain/{Uri.EscapeDataString(key)}/{method}", UriKind.Relative), content: null, cancellationToken);

    /// <summary>Calls <paramref name="method"/> and returns its JSON value; fails with the response body if it did not succeed.</summary>
    public async Task<JsonElement> CallCounterValueAsync(string key, string method, CancellationToken cancellationToken)
    {
        using var response = await CallCounterAsync(key, method, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} on counter '{key}' through {Name} answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("value").Clone();
    }

    /// <summary>Calls a parameterless method of any test grain interface through this silo and returns its JSON value.</summary>
    public async Task<JsonElement> CallGrainValueAsync(string grainInterface, string key, string method, CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsync(
            new Uri($"/test-support/grains/{grainInterface}/{Uri.EscapeDataString(key)}/{method}", UriKind.Relative), content: null, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{grainInterface}.{method} on '{key}' through {Name} answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("value").Clone();
    }

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
    }
}
