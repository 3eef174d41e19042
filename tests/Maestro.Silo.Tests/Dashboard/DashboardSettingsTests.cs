using System.Globalization;

namespace Maestro.Silo.Tests.Dashboard;

/// <summary>Dashboard settings out of range stop the silo at start with one line naming them.</summary>
public sealed class DashboardSettingsTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Theory]
    [InlineData("StatisticsWindow", "00:00:00.500", "Maestro:Dashboard:StatisticsWindow must be between 00:00:01 and 01:00:00.")]
    [InlineData("LogBufferSize", "10", "Maestro:Dashboard:LogBufferSize must be between 100 and 100000.")]
    [InlineData("SessionLifetime", "soon", "Maestro:Dashboard:SessionLifetime")]
    public async Task A_bad_dashboard_setting_is_one_error_line_naming_it_and_exit_code_2(string setting, string value, string expected)
    {
        await using var silo = SiloProcess.StartWithEnvironment(
            directory.Path,
            new Dictionary<string, string> { [$"Maestro__Dashboard__{setting}"] = value },
            "--port", FreePort.Next().ToString(CultureInfo.InvariantCulture), "--data", directory.Combine("data"));

        var exitCode = await silo.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(silo.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    public void Dispose() => directory.Dispose();
}
