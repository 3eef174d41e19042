using Maestro.Bench.Harness;
using Maestro.Client;
using Maestro.GrainInterfaces.Registry;
using Maestro.Grains.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Bench.Suites;

/// <summary>
/// A REST read (<c>GET /api/services/{name}</c>: the API key checked by its grain, then the service grain read) through
/// the gateway's setup (Maestro.Client over the silo's gateway port) beside the same call on the REST API co-hosted with
/// the silo (the silo's own grain factory), both served by Kestrel in this process and called over loopback HTTP/1.1.
/// </summary>
internal sealed class GatewaySuite(IClusterClient silo, Uri siloGateway, PairRunner runner, int manyCallers)
{
    public const double Target = 0.50;

    private const string AdminKey = "mk_0be0c0000001_bench-admin-key-000000000000000000000000000";

    private const string Service = "bench-gateway";

    public async Task<IReadOnlyList<Comparison>> RunAsync()
    {
        await new ApiKeyBootstrapper(silo).EnsureInitialAdminAsync(AdminKey);
        await silo.GetGrain<IServiceGrain>(Service).RegisterAsync(
            new ServiceRegistration(Service, "1.0.0", "http://127.0.0.1:5000", null, [], new Dictionary<string, string>(), 5000));
        await using var direct = await RestApiHost.StartAsync("bench: co-hosted", b => b.Services.AddSingleton<IGrainFactory>(silo));
        await using var gateway = await RestApiHost.StartAsync("bench: gateway", b => b.UseOrleansClient(c => c.UseStaticClustering(o => o.Gateways.Add(siloGateway))));
        using var directHttp = Client(direct.Address, manyCallers);
        using var gatewayHttp = Client(gateway.Address, manyCallers);
        await GetAsync(directHttp);
        await GetAsync(gatewayHttp);
        var results = new List<Comparison>();
        foreach (var callers in new[] { 1, manyCallers })
        {
            results.Add(await runner.RunAsync(
                "REST GET via the gateway",
                "REST GET co-hosted in the silo",
                callers,
                Target,
                (_, _) => GetAsync(gatewayHttp),
                (_, _) => GetAsync(directHttp)));
        }

        return results;
    }

    private static HttpClient Client(Uri address, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = address };
        http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return http;
    }

    private static async Task GetAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri($"/api/services/{Service}", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET /api/services/{Service} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        await response.Content.ReadAsByteArrayAsync();
    }
}
