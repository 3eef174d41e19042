using System.Globalization;

namespace Maestro.Silo.Tests;

/// <summary>Ctrl+C (SIGINT) and SIGTERM stop the silo cleanly: exit code 0, grains deactivated, SQLite checkpointed.</summary>
public sealed class ShutdownTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_stop_signal_stops_the_silo_cleanly_and_checkpoints_the_database(string signal)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var port = FreePort.Next();
        var data = directory.Combine("data");
        var siloName = $"stop-{signal.ToLowerInvariant()}";
        using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}"), Timeout = SiloProcess.Patience };
        await using var silo = SiloProcess.Start(
            directory.Path, "--port", port.ToString(CultureInfo.InvariantCulture), "--data", data, "--silo-name", siloName);
        await silo.WaitUntilHealthyAsync(http, cancellationToken);
        var database = Path.Combine(data, "maestro.db");
        var wal = database + "-wal";
        Assert.True(File.Exists(database), $"The silo keeps its database at {database}.");
        Assert.True(File.Exists(wal) && new FileInfo(wal).Length > 0, "Precondition: the silo wrote its schema through the WAL.");

        await silo.SignalAsync(signal, cancellationToken);
        var exitCode = await silo.WaitForExitAsync(cancellationToken);

        Assert.True(exitCode == 0, $"Exit code {exitCode}.{Environment.NewLine}{silo.StandardOutput}{silo.StandardError}");
        Assert.Contains($"Maestro silo {siloName} stopped", silo.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"Silo {siloName} stopped after deactivating", silo.StandardOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(database));
        var walLength = File.Exists(wal) ? new FileInfo(wal).Length : 0;
        Assert.True(walLength == 0, $"{wal} still holds {walLength} bytes: the database was not checkpointed.");
        Assert.Empty(silo.StandardError);
    }

    public void Dispose() => directory.Dispose();
}
