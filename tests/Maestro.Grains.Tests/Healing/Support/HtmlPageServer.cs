using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Maestro.Grains.Tests.Healing;

/// <summary>
/// Serves pages from memory on 127.0.0.1 and a free port (HttpListener, so the benchmark can use it too). Tests
/// change a page between loads the way a deployment would.
/// </summary>
public sealed class HtmlPageServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, string> pages = new(StringComparer.Ordinal);
    private readonly Task serving;

    public HtmlPageServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}";
        listener.Prefixes.Add(BaseUrl + "/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    /// <summary>Sets what <paramref name="path"/> (e.g. <c>/</c>, <c>/frame.html</c>) answers from now on.</summary>
    public void Set(string path, string html) => pages[path] = html;

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        // The loop ends when the listener closes; its end (and any fault) is observed here.
        try
        {
            serving.GetAwaiter().GetResult();
        }
        catch (ObjectDisposedException)
        {
            // GetContextAsync throws this once the listener is closed: the expected way the loop ends.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (HttpListenerException) when (!listener.IsListening)
            {
                return;
            }

            var path = context.Request.Url?.AbsolutePath ?? "/";
            var found = pages.TryGetValue(path, out var html);
            var body = Encoding.UTF8.GetBytes(found ? html! : "not found");
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
