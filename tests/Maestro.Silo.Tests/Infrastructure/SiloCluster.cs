using Maestro.Runtime.Tests.PostgreSql;

namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL server and several real silo processes in cluster mode sharing one database and one secret
/// file. Dispose kills every silo by its process id, then the database server.
/// </summary>
internal sealed class SiloCluster : IAsyncDisposable
{
    private readonly TempDirectory directory = new();
    private readonly List<ClusterSilo> silos = [];
    private PrivatePostgreSqlServer? server;

    private SiloCluster()
    {
    }

    public IReadOnlyList<ClusterSilo> Silos => silos;

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The cluster's own database server, for tests that stop or restart it.</summary>
    public PrivatePostgreSqlServer Database => server ?? throw new InvalidOperationException("The cluster has not started.");

    public string SecretFile => directory.Combine("cluster-secret");

    /// <summary>Starts the database and <paramref name="count"/> silos, and waits until each is an Active, healthy member.</summary>
    public static async Task<SiloCluster> StartAsync(int count, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var cluster = new SiloCluster();
        try
        {
            cluster.server = await PrivatePostgreSqlServer.StartNewAsync();
            cluster.ConnectionString = await cluster.server.CreateDatabaseAsync("silocluster");
            await File.WriteAllTextAsync(cluster.SecretFile, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)), cancellationToken);
            for (var i = 0; i < count; i++)
            {
                cluster.silos.Add(ClusterSilo.Start(cluster.directory.Path, $"silo{i}", cluster.ConnectionString, cluster.SecretFile, environment));
            }

            foreach (var silo in cluster.silos)
            {
                await silo.Process.WaitUntilHealthyAsync(silo.Http, cancellationToken);
            }

            await cluster.WaitUntilAllSeeAsync(count, cancellationToken);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Starts one more silo in the same cluster and waits until it is healthy (an Active member).</summary>
    public async Task<ClusterSilo> StartAdditionalSiloAsync(CancellationToken cancellationToken)
    {
        var silo = ClusterSilo.Start(directory.Path, $"silo{silos.Count}", ConnectionString, SecretFile);
        silos.Add(silo);
        await silo.Process.WaitUntilHealthyAsync(silo.Http, cancellationToken);
        return silo;
    }

    /// <summary>Waits (bounded) until every running silo's view shows <paramref name="active"/> Active silos.</summary>
    public async Task WaitUntilAllSeeAsync(int active, CancellationToken cancellationToken, IReadOnlyCollection<ClusterSilo>? only = null)
    {
        var deadline = DateTime.UtcNow + SiloProcess.Patience;
        foreach (var silo in only ?? silos)
        {
            while (true)
            {
                var view = await silo.GetJsonAsync("/api/cluster/silos", cancellationToken);
                if (view.GetProperty("activeSilos").GetArrayLength() == active)
                {
                    break;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{silo.Name} did not see {active} active silos within {SiloProcess.Patience}: {view}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }

        directory.Dispose();
    }
}
