using System.Net.Sockets;

namespace Maestro.Silo.Tests;

/// <summary>Help and bad settings: the silo answers at once with usage or one error line and the right exit code.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task Help_prints_every_option_with_its_default_and_exits_0()
    {
        await using var silo = SiloProcess.Start(directory.Path, "--help");

        var exitCode = await silo.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        var help = silo.StandardOutput;
        foreach (var expected in new[]
                 {
                     "--data <dir>", "--port <n>", "--service-id <id>", "--cluster-id <id>", "--silo-name <name>", "--help",
                     "--postgres <conn>", "--silo-port <n>", "--cluster-secret-file <path>", "--grain-assembly <path>",
                     "Maestro:SiloPort, default: 11111", "--gateway-port <n>", "Maestro:GatewayPort, default: 30000",
                     "Maestro:DataDirectory, default: data", "Maestro:Port, default: 8080",
                     "Maestro:ServiceId, default: dev", "Maestro:ClusterId, default: dev",
                 })
        {
            Assert.Contains(expected, help, StringComparison.Ordinal);
        }

        Assert.Empty(silo.StandardError);
        Assert.False(Directory.Exists(directory.Combine("data")), "--help must not create the data folder.");
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("0")]
    [InlineData("http")]
    public async Task A_bad_port_is_one_error_line_naming_it_and_exit_code_2(string port)
    {
        await using var silo = SiloProcess.Start(directory.Path, "--port", port, "--data", directory.Combine("data"));

        var exitCode = await silo.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(silo.StandardError));
        Assert.Contains("--port (Maestro:Port)", line, StringComparison.Ordinal);
        Assert.Contains($"'{port}'", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", silo.StandardOutput + silo.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_is_one_error_line_naming_it_and_exit_code_2()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        var port = ((IPEndPoint)holder.LocalEndPoint!).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var silo = SiloProcess.Start(directory.Path, "--port", port, "--data", directory.Combine("data"));

        var exitCode = await silo.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(silo.StandardError));
        Assert.Contains($"--port (Maestro:Port) {port}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unwritable_data_folder_is_one_error_line_naming_it_and_exit_code_2()
    {
        // A folder cannot be created under a file, whoever runs the test (root included).
        var file = directory.Combine("not-a-folder");
        await File.WriteAllTextAsync(file, "x", TestContext.Current.CancellationToken);
        var data = Path.Combine(file, "data");
        await using var silo = SiloProcess.Start(directory.Path, "--port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data);

        var exitCode = await silo.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(silo.StandardError));
        Assert.Contains("--data (Maestro:DataDirectory)", line, StringComparison.Ordinal);
        Assert.Contains(data, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_an_error_with_exit_code_2()
    {
        await using var silo = SiloProcess.Start(directory.Path, "--bogus", "1");

        var exitCode = await silo.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(silo.StandardError));
        Assert.Contains("'--bogus'", line, StringComparison.Ordinal);
        Assert.Contains("--help", line, StringComparison.Ordinal);
    }

    public void Dispose() => directory.Dispose();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
