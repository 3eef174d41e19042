using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Maestro.Grains.Tests.Workflows;

/// <summary>
/// The real silo (<c>dotnet Maestro.Silo.dll --port P --data DIR</c>, no shell) as a separate process on a free
/// port with a private data folder. <see cref="KillAsync"/> ends it with SIGKILL (and the processes its steps
/// started, as a machine or container dying would); dispose kills it if it still runs and removes the folder.
/// </summary>
public sealed class SiloProcessHost : IAsyncDisposable
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "maestro-workflow-api-tests", Guid.NewGuid().ToString("N"));
    /// <summary>The silo's first admin key (given through Maestro__InitialApiKey), which <see cref="Http"/> sends.</summary>
    public const string AdminKey = "mk_0a0a0a0a0a0a_workflow-tests-admin-key-0000000000000";

    private readonly int port = FreePort();

    // Every silo also opens a client gateway (default 30000): tests that run silos side by side need one each.
    private readonly int gatewayPort = FreePort();
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();
    private Process? process;

    public HttpClient Http { get; private set; } = null!;

    public static async Task<SiloProcessHost> StartAsync()
    {
        var host = new SiloProcessHost();
        host.Http = new HttpClient { BaseAddress = new Uri($"http://localhost:{host.port}"), Timeout = WorkflowTestCluster.Patience };
        host.Http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        await host.StartProcessAsync();
        return host;
    }

    /// <summary>Starts the silo again on the same data folder and port, after <see cref="KillAsync"/>.</summary>
    public Task RestartAsync() => StartProcessAsync();

    /// <summary>Polls <c>GET /api/workflows/{id}</c> (bounded) until the workflow has <paramref name="status"/>; returns its JSON.</summary>
    public async Task<JsonElement> WaitForWorkflowStatusAsync(string id, string status)
    {
        var deadline = DateTime.UtcNow + WorkflowTestCluster.Patience;
        while (true)
        {
            using var response = await Http.GetAsync($"/api/workflows/{Uri.EscapeDataString(id)}");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (body.TryGetProperty("status", out var current) && current.GetString() == status)
            {
                return body;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Workflow {id} did not become {status}: {body}");
            }

            await Task.Delay(50);
        }
    }

    public async Task KillAsync()
    {
        var running = process ?? throw new InvalidOperationException("The silo is not running.");
        running.Kill(entireProcessTree: true);
        await running.WaitForExitAsync();
        running.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await KillAsync();
        }

        Http.Dispose();
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo(DotNetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[] { SiloAssembly(), "--port", port.ToString(CultureInfo.InvariantCulture), "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture), "--data", dataDirectory, "--service-id", "workflow-api-tests" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("Maestro__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["Maestro__InitialApiKey"] = AdminKey;

        process = Process.Start(start) ?? throw new InvalidOperationException("The silo did not start.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + WorkflowTestCluster.Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {process.ExitCode} before it was healthy:{Environment.NewLine}{Output()}");
            }

            try
            {
                using var response = await Http.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The silo was not healthy within {WorkflowTestCluster.Patience}:{Environment.NewLine}{Output()}");
    }

    private void Append(string? line)
    {
        lock (gate)
        {
            output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (gate)
        {
            return output.ToString();
        }
    }

    private static string SiloAssembly() =>
        typeof(SiloProcessHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "MaestroSiloAssembly").Value
        ?? throw new InvalidOperationException("The silo assembly was not recorded: build tests/Maestro.Grains.Tests.");

    private static string DotNetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
