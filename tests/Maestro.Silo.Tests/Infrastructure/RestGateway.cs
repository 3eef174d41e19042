using System.Globalization;

namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>
/// The REST gateway process (client-api/Maestro.Gateway) on a free port in front of some silos' gateway endpoints,
/// healthy before it is returned. Disposing kills it by its process id.
/// </summary>
internal sealed class RestGateway : IAsyncDisposable
{
    private RestGateway(int port, SiloProcess process)
    {
        Port = port;
        Process = process;
        Anonymous = TestApiKeys.Client(port, null);
        Admin = TestApiKeys.Client(port, TestApiKeys.Admin);
    }

    public int Port { get; }

    public SiloProcess Process { get; }

    /// <summary>A client sending no key.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>A client sending the tests' first admin key (the silos' <c>Maestro__InitialApiKey</c>).</summary>
    public HttpClient Admin { get; }

    /// <summary>
    /// Starts a gateway that knows <paramref name="siloGateways"/> (each as <c>--gateway</c>), with
    /// <paramref name="environment"/> and <paramref name="moreArguments"/> when given, and waits until its /health answers 200.
    /// </summary>
    public static async Task<RestGateway> StartAsync(
        string workingDirectory,
        IEnumerable<Uri> siloGateways,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null,
        params string[] moreArguments)
    {
        var port = FreePort.Next();
        var arguments = new List<string>(moreArguments) { "--port", port.ToString(CultureInfo.InvariantCulture) };
        foreach (var gateway in siloGateways)
        {
            arguments.Add("--gateway");
            arguments.Add($"{gateway.Host}:{gateway.Port.ToString(CultureInfo.InvariantCulture)}");
        }

        var gatewayProcess = SiloProcess.StartGateway(workingDirectory, environment ?? new Dictionary<string, string>(), [.. arguments]);
        var started = new RestGateway(port, gatewayProcess);
        try
        {
            await gatewayProcess.WaitUntilHealthyAsync(started.Anonymous, cancellationToken);
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }

        return started;
    }

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        Admin.Dispose();
        await Process.DisposeAsync();
    }
}
