using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Maestro.Grains.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a port the OS picks, serving <c>GET /health</c>: 200 while
/// <see cref="Healthy"/> (after the first <see cref="FailFirst"/> requests), 503 otherwise, after <see cref="Delay"/>. Counts the requests it answered.
/// </summary>
internal sealed class HealthEndpointServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int hits;

    private HealthEndpointServer(WebApplication app) => this.app = app;

    public volatile bool Healthy = true;

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>The first this-many requests answer 503 whatever <see cref="Healthy"/> says.</summary>
    public int FailFirst { get; set; }

    public int Hits => Volatile.Read(ref hits);

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<HealthEndpointServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new HealthEndpointServer(app);
        app.MapGet("/health", async (CancellationToken ct) =>
        {
            var hit = Interlocked.Increment(ref server.hits);
            if (server.Delay > TimeSpan.Zero)
            {
                await Task.Delay(server.Delay, ct);
            }

            return server.Healthy && hit > server.FailFirst ? Results.Ok("ok") : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
