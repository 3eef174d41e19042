using System.Globalization;

namespace Maestro.Silo.Tests.Cluster;

/// <summary>Bad cluster settings: one <c>error:</c> line, exit code 2, and the secret never printed. No database is needed.</summary>
public sealed class ClusterCommandLineTests : IDisposable
{
    private const string Postgres = "Host=127.0.0.1;Port=1;Database=maestro;Username=maestro;Password=pw-never-shown";

    private readonly TempDirectory directory = new();

    [Fact]
    public async Task Cluster_mode_without_a_secret_is_refused()
    {
        var line = await SingleErrorAsync(Args("--postgres", Postgres));

        Assert.Contains("needs the cluster secret", line, StringComparison.Ordinal);
        Assert.Contains("--cluster-secret-file", line, StringComparison.Ordinal);
        Assert.Contains("Maestro__ClusterSecret", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_secret_from_a_file_is_refused_without_printing_it()
    {
        var file = directory.Combine("secret");
        await File.WriteAllTextAsync(file, "short-secret-x\n", TestContext.Current.CancellationToken);

        var (line, output) = await SingleErrorWithOutputAsync(Args("--postgres", Postgres, "--cluster-secret-file", file));

        Assert.Contains("at least 16 characters", line, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret-x", output, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-never-shown", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_secret_from_the_environment_is_refused_without_printing_it()
    {
        var environment = new Dictionary<string, string> { ["Maestro__ClusterSecret"] = "tiny-secret" };
        await using var silo = SiloProcess.StartWithEnvironment(directory.Path, environment, Args("--postgres", Postgres));

        Assert.Equal(2, await silo.WaitForExitAsync(TestContext.Current.CancellationToken));
        var line = Assert.Single(Lines(silo.StandardError));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("at least 16 characters", line, StringComparison.Ordinal);
        Assert.DoesNotContain("tiny-secret", silo.StandardOutput + silo.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_secret_file_is_refused()
    {
        var line = await SingleErrorAsync(Args("--postgres", Postgres, "--cluster-secret-file", directory.Combine("nope")));

        Assert.Contains("--cluster-secret-file (Maestro:ClusterSecretFile)", line, StringComparison.Ordinal);
        Assert.Contains("does not exist", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("x")]
    public async Task A_bad_silo_port_is_refused(string port)
    {
        var line = await SingleErrorAsync(Args("--postgres", Postgres, "--silo-port", port));

        Assert.Contains("--silo-port (Maestro:SiloPort)", line, StringComparison.Ordinal);
        Assert.Contains($"'{port}'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_port_equal_to_the_http_port_is_refused()
    {
        var file = await SecretFileAsync();
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);

        var line = await SingleErrorAsync(["--port", port, "--data", directory.Combine("data"), "--postgres", Postgres, "--silo-port", port, "--cluster-secret-file", file]);

        Assert.Contains("must differ from --port", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_is_refused_without_printing_it()
    {
        var file = await SecretFileAsync();

        var (line, output) = await SingleErrorWithOutputAsync(Args("--postgres", "Host=127.0.0.1;Port=notaport;Password=pw-never-shown", "--cluster-secret-file", file));

        Assert.Contains("--postgres (Maestro:Postgres) is not a valid Npgsql connection string", line, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-never-shown", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_settings_without_postgres_are_refused()
    {
        var line = await SingleErrorAsync(Args("--silo-port", "12345"));

        Assert.Contains("Maestro:SiloPort applies only in cluster mode", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grain_assembly_that_is_not_an_assembly_is_refused()
    {
        var file = directory.Combine("not-an-assembly.dll");
        await File.WriteAllTextAsync(file, "not IL", TestContext.Current.CancellationToken);

        var line = await SingleErrorAsync(Args("--grain-assembly", file));

        Assert.Contains("--grain-assembly (Maestro:GrainAssembly)", line, StringComparison.Ordinal);
        Assert.Contains("cannot be loaded", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_grain_assembly_is_refused()
    {
        var line = await SingleErrorAsync(Args("--grain-assembly", directory.Combine("missing.dll")));

        Assert.Contains("--grain-assembly (Maestro:GrainAssembly)", line, StringComparison.Ordinal);
        Assert.Contains("does not exist", line, StringComparison.Ordinal);
    }

    public void Dispose() => directory.Dispose();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private string[] Args(params string[] extra) =>
        ["--port", FreePort.Next().ToString(CultureInfo.InvariantCulture), "--data", directory.Combine("data"), .. extra];

    private async Task<string> SecretFileAsync()
    {
        var file = directory.Combine("good-secret");
        await File.WriteAllTextAsync(file, "0123456789abcdef0123", TestContext.Current.CancellationToken);
        return file;
    }

    private async Task<string> SingleErrorAsync(string[] arguments) => (await SingleErrorWithOutputAsync(arguments)).Line;

    private async Task<(string Line, string Output)> SingleErrorWithOutputAsync(string[] arguments)
    {
        await using var silo = SiloProcess.Start(directory.Path, arguments);
        var exitCode = await silo.WaitForExitAsync(TestContext.Current.CancellationToken);
        var output = silo.StandardOutput + silo.StandardError;
        Assert.True(exitCode == 2, $"Expected exit code 2, got {exitCode}.{Environment.NewLine}{output}");
        var line = Assert.Single(Lines(silo.StandardError));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        return (line, output);
    }
}
