using System.Globalization;

namespace Maestro.Silo.Tests.Gateway;

/// <summary>The REST gateway process's command line: help, a bad option or value (exit 2), no reachable silo (exit 3).</summary>
public sealed class RestGatewayCommandLineTests
{
    [Fact]
    public async Task Help_lists_every_option_with_its_default_and_exits_0()
    {
        var (exitCode, output, error) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        foreach (var text in new[] { "--port <n>", "--listen <ip>", "--gateway <host:port>", "--client-key-file <path>", "default: 8090", "default: 127.0.0.1", "Maestro__GatewayClientKey" })
        {
            Assert.Contains(text, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--port", "0", "error: --port (Maestro:Port) '0' is not a port from 1 to 65535.")]
    [InlineData("--listen", "localhost", "error: --listen (Maestro:ListenAddress) 'localhost' is not an IP address")]
    [InlineData("--gateway", "127.0.0.1", "error: --gateway (Maestro:Gateways:0): Gateway endpoint '127.0.0.1' needs a port")]
    [InlineData("--client-key-file", "/no/such/key-file", "error: --client-key-file '/no/such/key-file' cannot be read")]
    [InlineData("--silo-port", "11111", "error: unknown option '--silo-port'.")]
    public async Task A_bad_option_is_one_error_line_and_exit_code_2(string option, string value, string expected)
    {
        var (exitCode, _, error) = await RunAsync(option, value);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_client_key_shorter_than_16_characters_is_refused_without_quoting_it()
    {
        using var directory = new TempDirectory();
        var keyFile = directory.Combine("client-key");
        await File.WriteAllTextAsync(keyFile, "short-secret\n", TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await RunAsync("--client-key-file", keyFile);

        Assert.Equal(2, exitCode);
        Assert.Contains("at least 16 characters; the one given has 12", error, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_reachable_silo_gateway_stops_the_gateway_with_exit_code_3_naming_what_was_tried()
    {
        var unused = FreePort.Next().ToString(CultureInfo.InvariantCulture);

        var (exitCode, _, error) = await RunAsync("--port", FreePort.Next().ToString(CultureInfo.InvariantCulture), "--gateway", $"127.0.0.1:{unused}");

        Assert.Equal(3, exitCode);
        Assert.Contains("No gateway is reachable", error, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{unused}", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LogBufferSize", "10", "Maestro:Dashboard:LogBufferSize must be between 100 and 100000.")]
    [InlineData("SessionLifetime", "soon", "Maestro:Dashboard:SessionLifetime")]
    public async Task A_bad_dashboard_setting_stops_the_gateway_with_one_line_naming_it(string setting, string value, string expected)
    {
        var (exitCode, _, error) = await RunWithEnvironmentAsync(new Dictionary<string, string> { [$"Maestro__Dashboard__{setting}"] = value });

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        RunWithEnvironmentAsync(new Dictionary<string, string>(), arguments);

    private static async Task<(int ExitCode, string Output, string Error)> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var directory = new TempDirectory();
        await using var gateway = SiloProcess.StartGateway(directory.Path, environment, arguments);
        var exitCode = await gateway.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (exitCode, gateway.StandardOutput, gateway.StandardError);
    }
}
