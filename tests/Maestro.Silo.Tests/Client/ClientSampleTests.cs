using Maestro.Client;
using Maestro.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Maestro.Silo.Tests.Client;

/// <summary>
/// The console sample and the client against one real silo process in its default mode (SQLite, no cluster): a grain
/// call from a separate process through the gateway port, and the documented errors for bad input.
/// </summary>
public sealed class ClientSampleTests
{
    [Fact]
    public async Task The_sample_process_calls_the_management_grain_of_a_single_sqlite_silo()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var silo = await SingleSilo.StartAsync(environment: null, ct);

        var (exitCode, output, error) = await ClientSampleProcess.RunAsync(ct, "--gateway", $"127.0.0.1:{silo.GatewayPort}");

        Assert.True(exitCode == 0, $"The sample exited {exitCode}: {output}{error}");
        Assert.Contains("1 active silo(s)", output, StringComparison.Ordinal);
        Assert.Contains($"{silo.Name}  Active", output, StringComparison.Ordinal);
        Assert.Contains($"gateway http://127.0.0.1:{silo.GatewayPort}/", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sample_names_an_unreachable_gateway_and_rejects_a_malformed_endpoint()
    {
        var ct = TestContext.Current.CancellationToken;
        var nobody = FreePort.Next();

        var unreachable = await ClientSampleProcess.RunAsync(ct, "--gateway", $"127.0.0.1:{nobody}");
        Assert.Equal(3, unreachable.ExitCode);
        Assert.StartsWith("error: No gateway is reachable.", unreachable.Error, StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{nobody}/", unreachable.Error, StringComparison.Ordinal);

        var malformed = await ClientSampleProcess.RunAsync(ct, "--gateway", "localhost");
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("Gateway endpoint 'localhost' needs a port from 1 to 65535", malformed.Error, StringComparison.Ordinal);
        Assert.Empty(malformed.Output);

        var help = await ClientSampleProcess.RunAsync(ct, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--gateway <host:port>", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_with_a_client_key_refuses_a_client_without_it_and_serves_one_with_it()
    {
        var ct = TestContext.Current.CancellationToken;
        const string key = "client-key-for-the-gateway-test";
        await using var silo = await SingleSilo.StartAsync(new Dictionary<string, string> { ["Maestro__GatewayClientKey"] = key }, ct);

        var refused = await Assert.ThrowsAsync<SiloUnavailableException>(() => ConnectedClusterClient.ConnectAsync(c => c.UseLocalhostClustering(silo.GatewayPort), ct));
        Assert.Contains("refused the client key (401)", refused.Message, StringComparison.Ordinal);

        await using var client = await ConnectedClusterClient.ConnectAsync(
            c => c.UseLocalhostClustering(silo.GatewayPort).Configure<GatewayOptions>(o => o.ClientKey = key), ct);
        var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts();
        Assert.Equal("Active", Assert.Single(hosts).Value);
    }

    [Fact]
    public async Task A_host_with_UseOrleansClient_gets_IClusterClient_from_DI_and_calls_through_the_gateway()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var silo = await SingleSilo.StartAsync(environment: null, ct);
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client.UseLocalhostClustering(silo.GatewayPort));
        using var host = builder.Build();
        await host.StartAsync(ct);
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            Assert.Same(host.Services.GetRequiredService<IClusterClient>(), grains);
            var detailed = Assert.Single(await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts());
            Assert.Equal(silo.Name, detailed.Name);
            Assert.Equal($"http://127.0.0.1:{silo.GatewayPort}/", detailed.Gateway);
        }
        finally
        {
            await host.StopAsync(ct);
        }
    }

    [Fact]
    public async Task A_client_without_any_gateway_or_with_a_malformed_one_fails_before_connecting()
    {
        var ct = TestContext.Current.CancellationToken;
        var none = await Assert.ThrowsAsync<OptionsValidationException>(() => ConnectedClusterClient.ConnectAsync(_ => { }, ct));
        Assert.Contains("No gateway is configured", none.Message, StringComparison.Ordinal);

        var malformed = await Assert.ThrowsAsync<FormatException>(() => ConnectedClusterClient.ConnectAsync(c => c.UseStaticClustering("127.0.0.1:99999"), ct));
        Assert.Contains("'127.0.0.1:99999'", malformed.Message, StringComparison.Ordinal);
    }
}
