using System.Buffers;
using System.Collections.Concurrent;
using Maestro.Runtime.Messaging.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using BadHttpRequestException = Microsoft.AspNetCore.Http.BadHttpRequestException;

namespace Maestro.Runtime.Transport;

/// <summary>
/// An HTTP/2 cleartext endpoint for wire calls, <c>POST /_maestro/invoke</c>: the silo port between silos and the
/// gateway port for clients. It checks the credential header (when the endpoint has one) before anything else,
/// refuses bodies over the size limit without buffering them, answers one-way calls with 202 at once, and hands the
/// rest to the handler with a token that the caller's stream reset cancels.
/// </summary>
internal abstract class WireEndpointServer : IAsyncDisposable
{
    public const string InvokePath = "/_maestro/invoke";
    protected const string JsonContentType = "application/json";

    private readonly WireEndpointSettings settings;
    private readonly IWireRequestHandler handler;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, bool> oneWayCalls = new();
    private readonly SemaphoreSlim startGate = new(1, 1);
    private WebApplication? app;
    private int stopped;

    protected WireEndpointServer(WireEndpointSettings settings, IWireRequestHandler handler, ILogger logger)
    {
        this.settings = settings;
        this.handler = handler;
        this.logger = logger;
    }

    /// <summary>The address callers use, such as <c>http://127.0.0.1:11111/</c>; set once started.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>True once listening, until stopped.</summary>
    public bool IsListening => app is not null && Volatile.Read(ref stopped) == 0;

    /// <summary>Starts listening; a second call does nothing.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await startGate.WaitAsync(cancellationToken);
        try
        {
            if (app is null && Volatile.Read(ref stopped) == 0)
            {
                await StartListeningAsync(cancellationToken);
            }
        }
        finally
        {
            startGate.Release();
        }
    }

    private async Task StartListeningAsync(CancellationToken cancellationToken)
    {
        // The empty builder reads no configuration files or environment URLs, so only the endpoint below is bound.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.MaxMessageSize;
            // HTTP/2 only: with Http1AndHttp2 a cleartext endpoint would speak HTTP/1.1 to prior-knowledge clients.
            kestrel.Listen(settings.ListenAddress, settings.Port, listen => listen.Protocols = HttpProtocols.Http2);
        });
        var application = builder.Build();
        application.Run(HandleAsync);
        app = application;
        await application.StartAsync(cancellationToken);
        var bound = application.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Address = new Uri(bound.EndsWith('/') ? bound : bound + "/");
        logger.LogInformation("{Endpoint} listening on {Address} (HTTP/2 cleartext).", settings.Name, Address);
    }

    /// <summary>
    /// Stops listening. Gracefully, in-flight calls finish first; with <paramref name="abort"/> (a simulated crash)
    /// connections are cut at once, so peers see this silo as unreachable. Later calls, and disposal, do nothing more.
    /// </summary>
    public async Task StopAsync(bool abort)
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0)
        {
            return;
        }

        await stopping.CancelAsync();
        if (app is not null)
        {
            try
            {
                // An already-cancelled token tells Kestrel not to wait for in-flight requests.
                await app.StopAsync(new CancellationToken(abort));
            }
            catch (OperationCanceledException ex) when (abort)
            {
                logger.LogDebug(ex, "{Endpoint} on {Address} aborted its in-flight calls.", settings.Name, Address);
            }

            await app.DisposeAsync();
        }

        // One-way calls log their own failures, so waiting for them cannot throw.
        await Task.WhenAll(oneWayCalls.Keys);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(abort: false);
        stopping.Dispose();
        startGate.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Answers a request other than an invoke; false leaves it to a 404. Runs after the credential check.</summary>
    protected virtual Task<bool> HandleOtherAsync(HttpContext context) => Task.FromResult(false);

    /// <summary>Null when the endpoint takes calls now; otherwise why not, answered 503 before the body is read.</summary>
    protected virtual string? RefusalReason() => null;

    protected static async Task WriteJsonAsync<T>(HttpContext context, T value)
    {
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonContentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private async Task HandleAsync(HttpContext context)
    {
        // The credential is checked before the body is read, so an unauthenticated caller costs nothing and reaches nothing.
        if (settings.Credential is { } credential)
        {
            var presented = context.Request.Headers[settings.CredentialHeader];
            if (presented.Count != 1 || !credential.Matches(presented[0]))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
        }

        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != InvokePath)
        {
            if (!await HandleOtherAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }

            return;
        }

        if (RefusalReason() is { } refusal)
        {
            await WriteTextAsync(context, StatusCodes.Status503ServiceUnavailable, refusal);
            return;
        }

        var body = await ReadBodyAsync(context);
        if (body is null)
        {
            return;
        }

        WireRequest request;
        try
        {
            request = WireJson.DeserializeRequest(body.Value.Span, settings.MaxMessageSize);
        }
        catch (WireFormatException ex)
        {
            await WriteTextAsync(context, StatusCodes.Status400BadRequest, ex.Message);
            return;
        }

        if (request.OneWay)
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            await context.Response.CompleteAsync();
            StartOneWay(request);
            return;
        }

        await InvokeAsync(context, request);
    }

    private async Task InvokeAsync(HttpContext context, WireRequest request)
    {
        var aborted = context.RequestAborted;
        WireResponse response;
        try
        {
            response = await handler.HandleAsync(request, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The caller reset the stream: there is nobody left to answer.
            return;
        }
        catch (Exception ex)
        {
            // Handlers turn grain failures into responses; reaching here is a runtime bug, reported to the caller as 500.
            logger.LogError(ex, "The transport handler failed on {Interface}.{Method} for {Target}.", request.Interface, request.Method, request.Target);
            await WriteTextAsync(context, StatusCodes.Status500InternalServerError, $"The silo failed to handle the call: {ex.GetType().Name}: {ex.Message}");
            return;
        }

        byte[] bytes;
        try
        {
            bytes = WireJson.Serialize(response, settings.MaxMessageSize);
        }
        catch (WireFormatException ex)
        {
            var error = new WireError(WireTypes.NameOf(typeof(WireFormatException)), ex.Message, null, null, null);
            bytes = WireJson.Serialize(new WireResponse(request.Id, null, error), settings.MaxMessageSize);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonContentType;
        context.Response.ContentLength = bytes.Length;
        try
        {
            await context.Response.Body.WriteAsync(bytes, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The caller went away while the response was being written; it no longer wants it.
        }
    }

    private void StartOneWay(WireRequest request)
    {
        var call = Task.Run(async () =>
        {
            try
            {
                await handler.HandleAsync(request, stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The silo is stopping; a one-way call has no caller to tell.
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "One-way call {Interface}.{Method} on {Target} failed.", request.Interface, request.Method, request.Target);
            }
        });
        oneWayCalls.TryAdd(call, true);
        _ = call.ContinueWith(static (t, s) => ((ConcurrentDictionary<Task, bool>)s!).TryRemove(t, out _), oneWayCalls, TaskScheduler.Default);
    }

    /// <summary>Reads the body up to the limit; over it, answers 413 and returns null without reading the rest.</summary>
    private async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpContext context)
    {
        var limit = settings.MaxMessageSize;
        if (context.Request.ContentLength is { } declared && declared > limit)
        {
            await WriteTextAsync(context, StatusCodes.Status413PayloadTooLarge, WireJson.TooLarge("request", declared, limit).Message);
            return null;
        }

        // Sized from Content-Length but capped, so a peer's claim alone cannot make us allocate much.
        var buffer = new ArrayBufferWriter<byte>((int)Math.Clamp(context.Request.ContentLength ?? 4096, 1, Math.Min(limit, 1 << 20)));
        try
        {
            while (true)
            {
                var read = await context.Request.Body.ReadAsync(buffer.GetMemory(4096), context.RequestAborted);
                if (read == 0)
                {
                    // Parsed in place: the envelope's values are copied out by the parser, so the buffer need not outlive it.
                    return buffer.WrittenMemory;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    await WriteTextAsync(context, StatusCodes.Status413PayloadTooLarge, $"The request is more than {limit} bytes (TransportOptions.MaxMessageSize).");
                    return null;
                }
            }
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own body limit (set to the same size) or a malformed stream.
            await WriteTextAsync(context, ex.StatusCode, ex.Message);
            return null;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return null;
        }
    }

    protected static async Task WriteTextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text, CancellationToken.None);
    }
}
