using Maestro.Api;
using Maestro.Client;
using Maestro.Dashboard;
using Maestro.Grains.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Maestro.Bench.Dashboard;

/// <summary>
/// The gateway's setup (client-api/Maestro.Gateway) in this process: the REST API and the dashboard over Maestro.Client
/// on a loopback port, in front of a silo's gateway port, so the dashboard can be polled through the gateway.
/// </summary>
internal sealed class GatewayDashboardHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private GatewayDashboardHost(WebApplication app)
    {
        this.app = app;
        Address = new Uri(app.Urls.First());
    }

    public Uri Address { get; }

    public static async Task<GatewayDashboardHost> StartAsync(Uri siloGateway)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.UseOrleansClient(c => c.UseStaticClustering(o => o.Gateways.Add(siloGateway)));
        builder.Services.AddAuditLogClient();
        builder.Services.AddMaestroApi("bench: gateway", "The bench's gateway host.");
        builder.Services.AddMaestroDashboard(new DashboardOptions(), _ => new DashboardHost(DashboardHost.Gateway, "bench"));
        var app = builder.Build();
        app.UseMaestroApi();
        app.MapMaestroDashboard();
        await app.StartAsync();
        return new GatewayDashboardHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
