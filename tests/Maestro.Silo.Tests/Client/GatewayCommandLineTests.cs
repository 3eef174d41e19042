using System.Globalization;
using System.Net.Sockets;

namespace Maestro.Silo.Tests.Client;

/// <summary>The silo's gateway settings: a bad one is one error line naming it and exit code 2, before anything starts.</summary>
public sealed class GatewayCommandLineTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Theory]
    [InlineData("70000", "must be a whole number from 1 to 65535; got '70000'")]
    [InlineData("0", "must be a whole number from 1 to 65535; got '0'")]
    [InlineData("gateway", "must be a whole number from 1 to 65535; got 'gateway'")]
    public async Task A_bad_gateway_port_is_refused(string value, string reason)
    {
        var line = await SingleErrorLineAsync(null, "--gateway-port", value);
        Assert.Contains("--gateway-port (Maestro:GatewayPort)", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_port_in_use_or_equal_to_the_http_port_is_refused()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        var taken = ((IPEndPoint)holder.LocalEndPoint!).Port.ToString(CultureInfo.InvariantCulture);

        var inUse = await SingleErrorLineAsync(null, "--gateway-port", taken);
        Assert.StartsWith($"error: --gateway-port (Maestro:GatewayPort) {taken} cannot be used on localhost", inUse, StringComparison.Ordinal);

        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var same = await SingleErrorLineAsync(null, "--port", port, "--gateway-port", port);
        Assert.Contains("--gateway-port (Maestro:GatewayPort) must differ from --port (Maestro:Port)", same, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_client_key_shorter_than_16_characters_is_refused_without_showing_it()
    {
        var line = await SingleErrorLineAsync(new Dictionary<string, string> { ["Maestro__GatewayClientKey"] = "short-key" }, "--gateway-port", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        Assert.Contains("gateway client key (Maestro__GatewayClientKey) must have at least 16 characters", line, StringComparison.Ordinal);
        Assert.DoesNotContain("short-key", line, StringComparison.Ordinal);
    }

    public void Dispose() => directory.Dispose();

    private async Task<string> SingleErrorLineAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        string[] all = [.. arguments, "--port", FreePort.Next().ToString(CultureInfo.InvariantCulture), "--data", directory.Combine("data")];
        if (arguments.Contains("--port"))
        {
            all = [.. arguments, "--data", directory.Combine("data")];
        }

        await using var silo = SiloProcess.StartWithEnvironment(directory.Path, environment ?? new Dictionary<string, string>(), all);
        Assert.Equal(2, await silo.WaitForExitAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain("Exception", silo.StandardOutput + silo.StandardError, StringComparison.Ordinal);
        return Assert.Single(silo.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
