using System.Net;
using System.Text.Json;
using Maestro.Runtime.Gateway;
using Maestro.Runtime.Messaging.Wire;
using Maestro.Runtime.Transport;

namespace Maestro.Runtime.Tests.Gateway;

/// <summary>A single in-process silo with its gateway on a port the OS picks, called over real HTTP/2 cleartext.</summary>
public sealed class GatewayTests
{
    [Fact]
    public async Task A_silo_alone_lists_its_own_gateway_and_refuses_a_call_that_poses_as_a_grain()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = new InProcessTestClusterBuilder()
            .ConfigureSilo(silo => silo.UseGateway().Configure<TransportOptions>(o => o.GatewayPort = 0))
            .Build();
        await cluster.DeployAsync();
        var gateway = cluster.ServiceProvider.GetRequiredService<GatewayServer>();
        Assert.Equal("127.0.0.1", gateway.Address.Host);
        Assert.NotEqual(0, gateway.Address.Port);

        using var http = new HttpClient();
        using var listRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway.Address, GatewayServer.GatewaysPath))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var listResponse = await http.SendAsync(listRequest, ct);
        var list = JsonSerializer.Deserialize<GatewayListResponse>(await listResponse.Content.ReadAsStringAsync(ct))!;
        Assert.Equal([gateway.Address.ToString()], list.Gateways);

        using var transport = new SiloTransportClient(new TransportOptions(), GatewayServer.ClientKeyHeader, null, "no key");
        var posing = new WireRequest(1, "management/0", "counter/someone", WireTypes.InterfaceName(typeof(IManagementGrain)),
            nameof(IManagementGrain.GetTotalActivationCount), [], [], null, Guid.Empty, TimeSpan.FromSeconds(30), false);
        var response = await transport.SendAsync(gateway.Address, posing, ct);

        Assert.NotNull(response!.Exception);
        Assert.Equal(WireTypes.NameOf(typeof(WireFormatException)), response.Exception.Type);
        Assert.Contains("clients are not grains", response.Exception.Message, StringComparison.Ordinal);

        var honest = await transport.SendAsync(gateway.Address, posing with { Source = null }, ct);
        Assert.Null(honest!.Exception);
        Assert.True(honest.Result!.Value.GetInt32() >= 1, "The management grain counts at least its own activation.");
    }
}
