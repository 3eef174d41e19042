using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Maestro.Runtime.Messaging.Wire;

namespace Maestro.Runtime.Transport;

/// <summary>
/// Calls other silos' endpoints over HTTP/2 cleartext with prior knowledge: one <see cref="HttpClient"/> per peer, so
/// each peer keeps its own pooled connections, opening more when one connection's stream limit is reached.
/// Cancelling a call's token resets its HTTP/2 stream, which cancels the handler's token on the other silo.
/// </summary>
internal sealed class SiloTransportClient : IDisposable
{
    private readonly TransportOptions options;
    private readonly string credentialHeader;
    private readonly string? credential;
    private readonly string credentialHint;
    private readonly ConcurrentDictionary<string, Lazy<HttpClient>> peers = new(StringComparer.OrdinalIgnoreCase);

    // Callers pass the same Uri instance per peer, so this is a reference lookup on the hot path.
    private readonly ConcurrentDictionary<Uri, (HttpClient Client, Uri InvokeUri)> routes = new(ReferenceEqualityComparer.Instance);

    public SiloTransportClient(IOptions<TransportOptions> options)
        : this(Validated(options.Value), ClusterSecret.HeaderName, options.Value.ClusterSecret, "TransportOptions.ClusterSecret must be the same on every silo")
    {
    }

    /// <summary>
    /// A client that sends <paramref name="credential"/> (if any) in <paramref name="credentialHeader"/>: the gateway
    /// client's, which needs no cluster secret. <paramref name="credentialHint"/> completes the message of a 401.
    /// </summary>
    internal SiloTransportClient(TransportOptions options, string credentialHeader, string? credential, string credentialHint)
    {
        this.options = options;
        this.credentialHeader = credentialHeader;
        this.credential = credential;
        this.credentialHint = credentialHint;
    }

    /// <summary>
    /// Sends a request to the silo at <paramref name="peer"/> and returns its response, or null for a one-way call
    /// (answered 202 before it runs). Throws <see cref="SiloUnavailableException"/> when the peer cannot be reached
    /// (the call did not run), <see cref="OrleansException"/> for a refusal or a failure in transit.
    /// </summary>
    public async Task<WireResponse?> SendAsync(Uri peer, WireRequest request, CancellationToken cancellationToken)
    {
        // Serialize first: an oversized request fails here, before anything is sent.
        var body = WireJson.Serialize(request, options.MaxMessageSize);
        return await SendAsync(peer, body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends an already-encoded request body.</summary>
    internal async Task<WireResponse?> SendAsync(Uri peer, byte[] body, CancellationToken cancellationToken)
    {
        var (client, invokeUri) = PeerFor(peer);
        using var message = new HttpRequestMessage(HttpMethod.Post, invokeUri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (credential is not null)
        {
            message.Headers.TryAddWithoutValidation(credentialHeader, credential);
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            throw new SiloUnavailableException($"Silo {peer} cannot be reached: {ex.Message}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new OrleansException($"The call to silo {peer} failed in transit, so its outcome is unknown: {ex.Message}", ex);
        }

        using (response)
        {
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    return WireJson.DeserializeResponse(await ReadLimitedAsync(response.Content, cancellationToken), options.MaxMessageSize);
                case HttpStatusCode.Accepted:
                    return null;
                case HttpStatusCode.Unauthorized:
                    throw new OrleansException($"Silo {peer} refused the credential in {credentialHeader} (401): {credentialHint}.");
                case HttpStatusCode.ServiceUnavailable:
                    // Refused before the body was read (starting, stopping, declared dead): the call did not run.
                    throw new SiloUnavailableException($"Silo {peer} is not taking calls (503): {await ReadTextAsync(response.Content, cancellationToken)}");
                case HttpStatusCode.RequestEntityTooLarge:
                    throw new WireFormatException($"Silo {peer} refused the request as too large (413): {await ReadTextAsync(response.Content, cancellationToken)}");
                default:
                    throw new OrleansException($"Silo {peer} answered {(int)response.StatusCode}: {await ReadTextAsync(response.Content, cancellationToken)}");
            }
        }
    }

    private static TransportOptions Validated(TransportOptions options)
    {
        options.Validate();
        return options;
    }

    public void Dispose()
    {
        foreach (var peer in peers.Values.Where(p => p.IsValueCreated))
        {
            peer.Value.Dispose();
        }
    }

    private (HttpClient Client, Uri InvokeUri) PeerFor(Uri peer) => routes.GetOrAdd(peer, p =>
        (peers.GetOrAdd(p.GetLeftPart(UriPartial.Authority), _ => new Lazy<HttpClient>(CreateClient)).Value, new Uri(p, SiloTransportServer.InvokePath)));

    private HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = options.ConnectTimeout,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            // Pings on busy connections notice a peer that vanished without closing its sockets.
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        };

        // No HttpClient timeout: the runtime's response timeout (PendingCalls) owns call deadlines.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private async Task<byte[]> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var limit = options.MaxMessageSize;
        if (content.Headers.ContentLength is { } declared && declared > limit)
        {
            throw WireJson.TooLarge("response", declared, limit);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        if (content.Headers.ContentLength is { } length)
        {
            // Peers always declare the length: read into an array of exactly that size. A fresh 16 KB chunk and a
            // MemoryStream per response were half of a remote call's allocations (measured by the cluster bench).
            var exact = new byte[length];
            await stream.ReadExactlyAsync(exact, cancellationToken);
            return exact;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    throw WireJson.TooLarge("response", buffer.Length, limit);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>An error body, cut short: it is for a message, and a broken peer must not make us buffer much.</summary>
    private static async Task<string> ReadTextAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var text = await content.ReadAsStringAsync(cancellationToken);
        return text.Length <= 1000 ? text : text[..1000] + "...";
    }
}
