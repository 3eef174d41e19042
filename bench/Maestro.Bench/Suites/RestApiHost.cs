using Maestro.Api;
using Maestro.Grains.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Maestro.Bench.Suites;

/// <summary>
/// The REST API (api/Maestro.Api) on a loopback port of this process, over whatever <see cref="IGrainFactory"/>
/// <c>addGrains</c> registers: the silo's own (as the silo co-hosts it) or a Maestro.Client (as the gateway serves it).
/// </summary>
internal sealed class RestApiHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private RestApiHost(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<RestApiHost> StartAsync(string title, Action<WebApplicationBuilder> addGrains)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        addGrains(builder);
        builder.Services.AddAuditLogClient();
        builder.Services.AddMaestroApi(title, "The bench's REST host.");
        var app = builder.Build();
        app.UseMaestroApi();
        app.MapMaestroApi();
        await app.StartAsync();
        return new RestApiHost(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
