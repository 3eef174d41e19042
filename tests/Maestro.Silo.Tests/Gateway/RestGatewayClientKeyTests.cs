using System.Globalization;

namespace Maestro.Silo.Tests.Gateway;

/// <summary>Silos that require a gateway client key: the REST gateway must bring it, from a file or the environment.</summary>
public sealed class RestGatewayClientKeyTests
{
    private const string ClientKey = "client-key-for-the-rest-gateway";

    [Fact]
    public async Task A_gateway_without_the_key_is_refused_at_start_and_one_with_it_serves_the_api()
    {
        var ct = TestContext.Current.CancellationToken;
        using var directory = new TempDirectory();
        var keyFile = directory.Combine("client-key");
        await File.WriteAllTextAsync(keyFile, $"  {ClientKey}\n", ct);
        await using var silo = await SingleSilo.StartAsync(
            new Dictionary<string, string>(TestApiKeys.Environment) { ["Maestro__GatewayClientKey"] = ClientKey }, ct);
        var siloGateway = $"127.0.0.1:{silo.GatewayPort.ToString(CultureInfo.InvariantCulture)}";

        await using var keyless = SiloProcess.StartGateway(directory.Path, new Dictionary<string, string>(), "--port", FreePort.Next().ToString(CultureInfo.InvariantCulture), "--gateway", siloGateway);
        Assert.Equal(3, await keyless.WaitForExitAsync(ct));
        Assert.Contains("refused the client key (401)", keyless.StandardError, StringComparison.Ordinal);

        await using var fromFile = await RestGateway.StartAsync(directory.Path, [silo.Gateway], ct, moreArguments: ["--client-key-file", keyFile]);
        await using var fromEnvironment = await RestGateway.StartAsync(
            directory.Path, [silo.Gateway], ct, new Dictionary<string, string> { ["Maestro__GatewayClientKey"] = ClientKey });
        foreach (var gateway in new[] { fromFile, fromEnvironment })
        {
            using var keys = await gateway.Admin.GetAsync("/api/keys", ct);
            Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
            Assert.DoesNotContain(ClientKey, gateway.Process.StandardOutput + gateway.Process.StandardError, StringComparison.Ordinal);
        }
    }
}
