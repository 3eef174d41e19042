using System.Security.Cryptography;
using Maestro.Runtime.Cluster.PostgreSql;
using Maestro.Runtime.Configuration;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Storage.Sqlite;
using Maestro.Runtime.Transport;
using Microsoft.Extensions.Hosting;

namespace Maestro.Runtime.TestingHost;

/// <summary>
/// Several silos in this process forming one cluster through a shared PostgreSQL database: each listens on its own
/// loopback port (HTTP/2) and keeps SQLite default storage in a folder of its own. Tests start more silos, stop them
/// gracefully or kill them (no deactivation, connections cut, the lease left to expire), as Orleans' test cluster does.
/// </summary>
public sealed class InProcessMultiSiloCluster : IAsyncDisposable
{
    private readonly InProcessTestClusterOptions options;
    private readonly Action<ISiloBuilder>[] siloConfigurations;
    private readonly Action<IHostApplicationBuilder>[] hostConfigurations;
    private readonly string connectionString;
    private readonly int initialSilos;

    // One random secret per cluster: its silos trust each other and nothing else listening on this machine.
    private readonly string clusterSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    private readonly List<InProcessSilo> silos = [];
    private int started;

    internal InProcessMultiSiloCluster(
        InProcessTestClusterOptions options,
        Action<ISiloBuilder>[] siloConfigurations,
        Action<IHostApplicationBuilder>[] hostConfigurations,
        string connectionString,
        int initialSilos)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialSilos);
        this.options = options;
        this.siloConfigurations = siloConfigurations;
        this.hostConfigurations = hostConfigurations;
        this.connectionString = connectionString;
        this.initialSilos = initialSilos;
    }

    /// <summary>Every silo started so far, running or not, in start order.</summary>
    public IReadOnlyList<InProcessSilo> Silos
    {
        get
        {
            lock (silos)
            {
                return [.. silos];
            }
        }
    }

    /// <summary>Starts the initial silos, one after another, so each joins a cluster the previous ones already formed.</summary>
    public async Task DeployAsync()
    {
        for (var i = 0; i < initialSilos; i++)
        {
            await StartSiloAsync();
        }
    }

    public async Task<InProcessSilo> StartSiloAsync()
    {
        var index = Interlocked.Increment(ref started);
        var name = $"silo-{index}";
        var host = BuildSilo(name);
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        var silo = new InProcessSilo(name, host);
        lock (silos)
        {
            silos.Add(silo);
        }

        return silo;
    }

    /// <summary>Stops <paramref name="silo"/> as a crash would: no OnDeactivateAsync, no goodbye to the membership table.</summary>
    public async Task KillSiloAsync(InProcessSilo silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        EnsureRunning(silo);
        silo.IsRunning = false;
        try
        {
            await silo.Host.StopAsync(new CancellationToken(canceled: true));
        }
        catch (Exception ex) when (ex is OperationCanceledException or AggregateException)
        {
            // A cancelled stop abandons services that wait; that is the point of a kill.
        }

        silo.Host.Dispose();
    }

    /// <summary>Stops <paramref name="silo"/> gracefully: grains deactivate and unregister, the silo leaves the cluster.</summary>
    public async Task StopSiloAsync(InProcessSilo silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        EnsureRunning(silo);
        silo.IsRunning = false;
        await silo.Host.StopAsync();
        silo.Host.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos.Where(s => s.IsRunning).Reverse())
        {
            await StopSiloAsync(silo);
        }

        if (options.DeleteDataDirectoryOnDispose && Directory.Exists(options.DataDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(options.DataDirectory, recursive: true);
        }
    }

    private static void EnsureRunning(InProcessSilo silo)
    {
        if (!silo.IsRunning)
        {
            throw new InvalidOperationException($"Silo {silo.Name} is not running.");
        }
    }

    private IHost BuildSilo(string name)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleans(siloBuilder =>
        {
            siloBuilder.UseLocalhostClustering(options.ServiceId, options.ClusterId);
            siloBuilder.Configure<SiloOptions>(o => o.SiloName = name);
            siloBuilder.AddSqliteGrainStorageAsDefault(o => o.DatabasePath = Path.Combine(options.DataDirectory, name, "maestro.db"));
            siloBuilder.UsePostgreSqlClustering(o => o.ConnectionString = connectionString);
            siloBuilder.Configure<TransportOptions>(o =>
            {
                o.ListenAddress = System.Net.IPAddress.Loopback;
                o.SiloPort = 0;
                o.ClusterSecret = clusterSecret;
            });
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
