using Maestro.Client;
using Maestro.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Silo.Tests.Client;

/// <summary>
/// Which failures make the client try another gateway and which it hands to the caller: a gateway that cannot be
/// reached never got the call, so the call moves on; one that broke the connection after reading the call may have
/// run it, so the call is not sent again, and the next call goes to a live gateway.
/// </summary>
public sealed class GatewayRouterTests
{
    [Fact]
    public async Task A_call_to_an_unreachable_gateway_moves_on_to_a_live_one()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var silo = await SingleSilo.StartAsync(environment: null, ct);
        var unreachable = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        await using var client = await ConnectedClusterClient.ConnectAsync(c => c.UseStaticClustering(silo.Gateway.ToString(), unreachable.ToString()), ct);
        var gateways = client.ServiceProvider.GetRequiredService<GatewayList>();
        gateways.Succeeded(unreachable);

        Assert.True(await client.GetGrain<IManagementGrain>(0).GetTotalActivationCount() >= 1);
        Assert.Equal(silo.Gateway, gateways.CurrentGateway);
        Assert.Equal(unreachable, gateways.Candidates()[^1]);
    }

    [Fact]
    public async Task A_call_whose_gateway_broke_the_connection_after_reading_it_is_not_sent_again_and_the_next_call_uses_a_live_gateway()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var silo = await SingleSilo.StartAsync(environment: null, ct);
        await using var breaking = await BreakingGateway.StartAsync(ct);
        await using var client = await ConnectedClusterClient.ConnectAsync(c => c.UseStaticClustering(silo.Gateway.ToString(), breaking.Address.ToString()), ct);
        var gateways = client.ServiceProvider.GetRequiredService<GatewayList>();
        gateways.Succeeded(breaking.Address);
        var management = client.GetGrain<IManagementGrain>(0);

        var unknown = await Assert.ThrowsAsync<OrleansException>(() => management.GetTotalActivationCount());
        Assert.IsNotType<SiloUnavailableException>(unknown);
        Assert.Contains("outcome is unknown", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(1, breaking.InvokeCount);

        Assert.True(await management.GetTotalActivationCount() >= 1);
        Assert.Equal(silo.Gateway, gateways.CurrentGateway);
        Assert.Equal(1, breaking.InvokeCount);
    }

    /// <summary>An HTTP/2 endpoint that reads a call to the end, then cuts the connection without answering.</summary>
    private sealed class BreakingGateway : IAsyncDisposable
    {
        private readonly WebApplication app;
        private int invokeCount;

        private BreakingGateway(WebApplication app, Uri address)
        {
            this.app = app;
            Address = address;
        }

        public Uri Address { get; }

        public int InvokeCount => Volatile.Read(ref invokeCount);

        public static async Task<BreakingGateway> StartAsync(CancellationToken ct)
        {
            var port = FreePort.Next();
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2));
            var application = builder.Build();
            var gateway = new BreakingGateway(application, new Uri($"http://127.0.0.1:{port}/"));
            application.Run(gateway.HandleAsync);
            await application.StartAsync(ct);
            return gateway;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }

        private async Task HandleAsync(HttpContext context)
        {
            if (context.Request.Path == "/_maestro/invoke")
            {
                Interlocked.Increment(ref invokeCount);
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                context.Abort();
                return;
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
