using Maestro.Runtime.Configuration;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Storage.Sqlite;
using Microsoft.Extensions.Hosting;

namespace Maestro.Runtime.TestingHost;

/// <summary>
/// A silo in this process with real SQLite storage in a private folder. Tests restart it (graceful) or kill it
/// (no deactivation, as a crash) and keep the same data folder, so state must come back from disk.
/// </summary>
public sealed class InProcessTestCluster : IAsyncDisposable
{
    private readonly InProcessTestClusterOptions options;
    private readonly Action<ISiloBuilder>[] siloConfigurations;
    private readonly Action<IHostApplicationBuilder>[] hostConfigurations;
    private IHost? silo;

    internal InProcessTestCluster(InProcessTestClusterOptions options, Action<ISiloBuilder>[] siloConfigurations, Action<IHostApplicationBuilder>[] hostConfigurations)
    {
        this.options = options;
        this.siloConfigurations = siloConfigurations;
        this.hostConfigurations = hostConfigurations;
    }

    public string DataDirectory => options.DataDirectory;

    /// <summary>The running silo's services.</summary>
    public IServiceProvider ServiceProvider => (silo ?? throw new InvalidOperationException("No silo is running: call DeployAsync.")).Services;

    /// <summary>The running silo's co-hosted client. Take it again after a restart.</summary>
    public IClusterClient Client => ServiceProvider.GetRequiredService<IClusterClient>();

    public IGrainFactory GrainFactory => Client;

    public async Task DeployAsync()
    {
        if (silo is not null)
        {
            throw new InvalidOperationException("The cluster is already deployed.");
        }

        var starting = BuildSilo();
        try
        {
            await starting.StartAsync();
        }
        catch
        {
            starting.Dispose();
            throw;
        }

        silo = starting;
    }

    /// <summary>Stops the silo gracefully (grains deactivate, storage flushes) and starts a new one on the same data.</summary>
    public async Task RestartSiloAsync()
    {
        await StopAllSilosAsync();
        await DeployAsync();
    }

    /// <summary>Stops the silo as a crash would: no OnDeactivateAsync, no flush. Start another with <see cref="DeployAsync"/>.</summary>
    public async Task KillSiloAsync()
    {
        var running = Detach();
        try
        {
            await running.StopAsync(new CancellationToken(canceled: true));
        }
        catch (Exception ex) when (ex is OperationCanceledException or AggregateException)
        {
            // A cancelled stop abandons services that wait; that is the point of a kill.
        }

        running.Dispose();
    }

    public async Task StopAllSilosAsync()
    {
        if (silo is null)
        {
            return;
        }

        var running = Detach();
        await running.StopAsync();
        running.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAllSilosAsync();
        if (options.DeleteDataDirectoryOnDispose && Directory.Exists(options.DataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(options.DataDirectory, recursive: true);
        }
    }

    private IHost Detach()
    {
        var running = silo ?? throw new InvalidOperationException("No silo is running.");
        silo = null;
        return running;
    }

    private IHost BuildSilo()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleans(siloBuilder =>
        {
            siloBuilder.UseLocalhostClustering(options.ServiceId, options.ClusterId);
            siloBuilder.Configure<SiloOptions>(o => o.SiloName = "test-silo");
            siloBuilder.AddSqliteGrainStorageAsDefault(o => o.DatabasePath = Path.Combine(options.DataDirectory, "maestro.db"));
            foreach (var configure in siloConfigurations)
            {
                configure(siloBuilder);
            }
        });
        foreach (var configure in hostConfigurations)
        {
            configure(builder);
        }

        return builder.Build();
    }
}
