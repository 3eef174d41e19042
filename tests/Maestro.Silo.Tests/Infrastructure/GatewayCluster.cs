namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>
/// Two silo processes on a private PostgreSQL and one REST gateway process in front of both, with an operator and a
/// viewer key made through the gateway. Shared by the tests of a class; disposing kills every process by its id.
/// </summary>
public sealed class GatewayCluster : IAsyncLifetime, IRestApiUnderTest
{
    private readonly TempDirectory directory = new();
    private SiloCluster? cluster;
    private RestGateway? gateway;

    public HttpClient Admin => Gateway.Admin;

    public HttpClient Anonymous => Gateway.Anonymous;

    public HttpClient Operator { get; private set; } = null!;

    public HttpClient Viewer { get; private set; } = null!;

    public string ViewerKeyId { get; private set; } = string.Empty;

    /// <summary>The first silo's own co-hosted REST API, to compare with the gateway's answers.</summary>
    public HttpClient SiloAdmin => Cluster.Silos[0].Http;

    internal RestGateway Gateway => gateway ?? throw new InvalidOperationException("The gateway has not started.");

    internal SiloCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public Task<(HttpClient Client, string KeyId)> CreateKeyAsync(string role, CancellationToken cancellationToken) =>
        TestApiKeys.CreateKeyAsync(Admin, Gateway.Port, role, cancellationToken);

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        cluster = await SiloCluster.StartAsync(2, ct);
        gateway = await RestGateway.StartAsync(directory.Path, cluster.Silos.Select(s => s.Gateway), ct);
        (Operator, _) = await CreateKeyAsync("operator", ct);
        (Viewer, ViewerKeyId) = await CreateKeyAsync("viewer", ct);
    }

    public async ValueTask DisposeAsync()
    {
        Operator?.Dispose();
        Viewer?.Dispose();
        if (gateway is not null)
        {
            await gateway.DisposeAsync();
        }

        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        directory.Dispose();
    }
}
