using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Maestro.Grains.Tests.Healing;

/// <summary>
/// Serves pages from memory on 127.0.0.1 and a free port (HttpListener, so the benchmark can use it too). Tests
/// change a page between loads the way a deployment would, and can hold every answer (<see cref="Hold"/>) to catch
/// a browser that is loading a page.
/// </summary>
public sealed class HtmlPageServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, string> pages = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly List<Task> answers = [];
    private readonly Task serving;
    private TaskCompletionSource? hold;
    private int heldCount;

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

    /// <summary>How many requests are waiting for <see cref="Release"/>.</summary>
    public int HeldRequests
    {
        get
        {
            lock (gate)
            {
                return heldCount;
            }
        }
    }

    /// <summary>Sets what <paramref name="path"/> (e.g. <c>/</c>, <c>/frame.html</c>) answers from now on.</summary>
    public void Set(string path, string html) => pages[path] = html;

    /// <summary>From now on, requests wait unanswered until <see cref="Release"/>: a page that never finishes loading.</summary>
    public void Hold()
    {
        lock (gate)
        {
            hold ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Answers the held requests, and every later one at once.</summary>
    public void Release()
    {
        TaskCompletionSource? held;
        lock (gate)
        {
            held = hold;
            hold = null;
        }

        held?.TrySetResult();
    }

    public void Dispose()
    {
        Release();
        Task[] pending;
        lock (gate)
        {
            pending = [.. answers];
        }

        // Every answer's fault (other than a browser gone away, handled where it is written) surfaces here.
        Task.WhenAll(pending).GetAwaiter().GetResult();
        // Close alone: Stop and then Close would unregister the prefix twice, and on Linux the second time binds the
        // port again to find it, which fails once another test has the port ("Address already in use").
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

            Task? held;
            lock (gate)
            {
                held = hold?.Task;
            }

            if (held is null)
            {
                await AnswerAsync(context);
                continue;
            }

            // A held request waits on its own so the ones after it are accepted (and held) too.
            lock (gate)
            {
                answers.RemoveAll(a => a.IsCompletedSuccessfully);
                answers.Add(AnswerWhenReleasedAsync(context, held));
            }
        }
    }

    private async Task AnswerWhenReleasedAsync(HttpListenerContext context, Task released)
    {
        lock (gate)
        {
            heldCount++;
        }

        try
        {
            await released;
        }
        finally
        {
            lock (gate)
            {
                heldCount--;
            }
        }

        try
        {
            await AnswerAsync(context);
        }
        catch (HttpListenerException)
        {
            // The browser that asked is gone (its process was killed while the answer was held): no one to answer.
            context.Response.Abort();
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
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
