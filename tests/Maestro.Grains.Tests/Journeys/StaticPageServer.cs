using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Maestro.Grains.Tests.Journeys;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a port the OS picks, serving fixed HTML pages by path. The journey tests and
/// the journeys benchmark (which links this file) drive browsers against it.
/// </summary>
internal sealed class StaticPageServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private StaticPageServer(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <param name="pages">HTML by path, e.g. <c>/app</c>.</param>
    public static async Task<StaticPageServer> StartAsync(IReadOnlyDictionary<string, string> pages)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        foreach (var (path, html) in pages)
        {
            app.MapGet(path, () => Microsoft.AspNetCore.Http.Results.Content(html, "text/html"));
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new StaticPageServer(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
