using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Maestro.Runtime.Gateway;

namespace Maestro.Client;

/// <summary>Reads a gateway's list of live gateways and its grain manifest (HTTP/2 cleartext GETs).</summary>
internal sealed class GatewayInfoClient : IDisposable
{
    private const int MaxResponseSize = 4 * 1024 * 1024;

    private readonly HttpClient http;
    private readonly string? clientKey;

    public GatewayInfoClient(IOptions<GatewayOptions> options)
    {
        options.Value.Validate();
        clientKey = options.Value.ClientKey;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = options.Value.ConnectTimeout,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30), MaxResponseContentBufferSize = MaxResponseSize };
    }

    /// <summary>The gateways of the Active silos, as <paramref name="gateway"/> sees the cluster.</summary>
    public async Task<IReadOnlyList<Uri>> GetGatewaysAsync(Uri gateway, CancellationToken cancellationToken)
    {
        var response = await GetAsync<GatewayListResponse>(gateway, GatewayServer.GatewaysPath, cancellationToken);
        var gateways = new List<Uri>();
        foreach (var text in response.Gateways ?? [])
        {
            gateways.Add(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp
                ? uri
                : throw new OrleansException($"Gateway {gateway} listed '{text}', which is not a gateway address."));
        }

        return gateways;
    }

    /// <summary>Which grain types implement which interfaces, as the silo behind <paramref name="gateway"/> hosts them.</summary>
    public Task<ClusterManifestResponse> GetManifestAsync(Uri gateway, CancellationToken cancellationToken) =>
        GetAsync<ClusterManifestResponse>(gateway, GatewayServer.ManifestPath, cancellationToken);

    public void Dispose() => http.Dispose();

    private async Task<T> GetAsync<T>(Uri gateway, string path, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (clientKey is not null)
        {
            request.Headers.TryAddWithoutValidation(GatewayServer.ClientKeyHeader, clientKey);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SiloUnavailableException($"Gateway {gateway} cannot be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SiloUnavailableException($"Gateway {gateway} did not answer in time.", ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new OrleansException($"Gateway {gateway} refused the client key (401): GatewayOptions.ClientKey must equal the silos' TransportOptions.GatewayClientKey.");
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new SiloUnavailableException($"Gateway {gateway} answered {(int)response.StatusCode} to {path}; is it a Maestro silo's gateway port?");
            }

            try
            {
                return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                    ?? throw new OrleansException($"Gateway {gateway} answered JSON null to {path}.");
            }
            catch (JsonException ex)
            {
                throw new OrleansException($"Gateway {gateway} answered {path} with something other than a gateway's JSON: {ex.Message}", ex);
            }
        }
    }
}
