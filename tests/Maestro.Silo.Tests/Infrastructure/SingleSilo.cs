using System.Globalization;

namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>One silo process in its default (SQLite) mode with its HTTP and gateway ports chosen here.</summary>
internal sealed class SingleSilo : IAsyncDisposable
{
    private readonly TempDirectory directory;
    private readonly SiloProcess process;
    private readonly HttpClient http;

    private SingleSilo(TempDirectory directory, SiloProcess process, HttpClient http, string name, int gatewayPort)
    {
        this.directory = directory;
        this.process = process;
        this.http = http;
        Name = name;
        GatewayPort = gatewayPort;
    }

    public string Name { get; }

    public int GatewayPort { get; }

    /// <summary>The gateway address a client uses.</summary>
    public Uri Gateway => new($"http://127.0.0.1:{GatewayPort}/");

    public static async Task<SingleSilo> StartAsync(IReadOnlyDictionary<string, string>? environment, CancellationToken ct)
    {
        var directory = new TempDirectory();
        var port = FreePort.Next();
        var gatewayPort = FreePort.Next();
        var name = $"sample-{Guid.NewGuid():N}"[..14];
        string[] arguments =
        [
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture),
            "--data", directory.Combine("data"),
            "--silo-name", name,
        ];
        var process = SiloProcess.StartWithEnvironment(directory.Path, environment ?? new Dictionary<string, string>(), arguments);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = SiloProcess.Patience };
        var silo = new SingleSilo(directory, process, http, name, gatewayPort);
        try
        {
            await process.WaitUntilHealthyAsync(http, ct);
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }

        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await process.DisposeAsync();
        directory.Dispose();
    }
}
