using System.Net;
using System.Net.Http.Headers;

namespace Maestro.Bench.Baselines;

/// <summary>
/// Calls an <see cref="H2cEchoServer"/> the way a silo calls a peer: HTTP/2 with prior knowledge over a
/// <see cref="SocketsHttpHandler"/> with the silo transport's settings, a small JSON body, the whole answer read.
/// </summary>
internal sealed class H2cEchoClient(Uri server) : IDisposable
{
    private readonly HttpClient client = new(new SocketsHttpHandler
    {
        EnableMultipleHttp2Connections = true,
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    private readonly Uri echo = new(server, "echo");

    public async Task<int> Ping(int value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, echo)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"value\":{value}}}"))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();

        // Parse the echoed number, so the baseline does a comparable (tiny) amount of decoding work to the grain call.
        var text = System.Text.Encoding.UTF8.GetString(body);
        return int.Parse(text.AsSpan(9, text.Length - 10), CultureInfo.InvariantCulture) + 1;
    }

    public void Dispose() => client.Dispose();
}
