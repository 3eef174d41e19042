using Maestro.Runtime.Cluster;
using Maestro.Runtime.Cluster.PostgreSql;
using Maestro.Runtime.Tests.PostgreSql;
// Maestro.Runtime.Hosting (a global using here) has an internal class of the same name: the silo's status page.

namespace Maestro.Runtime.Tests.Cluster;

/// <summary>
/// Per test class: a database of its own on the shared PostgreSQL server, with the schema applied. Each test uses a
/// cluster id of its own on it, so tests never see each other's silos or versions. Every membership table and grain
/// directory made here has its own connection pool, as a silo would, so "several silos" really are several clients.
/// </summary>
public sealed class PostgreSqlClusterFixture(SharedPostgreSqlServer sharedServer) : IAsyncLifetime
{
    private PrivatePostgreSqlServer? server;
    private string? connectionString;

    /// <summary>The class's own database.</summary>
    public string ConnectionString => connectionString ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>A new, empty database on the shared server (no schema).</summary>
    public Task<string> CreateDatabaseAsync() =>
        (server ?? throw new InvalidOperationException("The fixture is not initialized.")).CreateDatabaseAsync("cluster");

    internal static string NewClusterId() => $"cluster-{Guid.NewGuid():N}";

    /// <summary>A silo incarnation at 10.0.0.1:<paramref name="port"/>; its generation is the current time in ms.</summary>
    internal static SiloAddress NewSilo(int port) => SiloAddress.NewGeneration("10.0.0.1", port);

    internal PostgreSqlMembershipTable CreateMembershipTable(string clusterId, TimeSpan? leaseDuration = null, string? database = null) =>
        new(Options(database, leaseDuration), Microsoft.Extensions.Options.Options.Create(new ClusterOptions { ClusterId = clusterId }));

    internal PostgreSqlGrainDirectory CreateDirectory(string clusterId, string? database = null) =>
        new(Options(database, null), Microsoft.Extensions.Options.Options.Create(new ClusterOptions { ClusterId = clusterId }));

    /// <summary>Joins <paramref name="silo"/> and makes it Active, as a silo's start does.</summary>
    internal static async Task StartAsync(IMembershipTable table, SiloAddress silo, int? gatewayPort = null)
    {
        await table.JoinAsync(silo, $"silo-{silo.Port}", gatewayPort, TestContext.Current.CancellationToken);
        Assert.Equal(SiloStatus.Active, (await table.SetStatusAsync(silo, SiloStatus.Active, TestContext.Current.CancellationToken)).Status);
    }

    public async ValueTask InitializeAsync()
    {
        server = await sharedServer.GetAsync();
        connectionString = await server.CreateDatabaseAsync("cluster");
        await using var table = CreateMembershipTable(NewClusterId());
        await table.InitializeAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private PostgreSqlClusteringOptions Options(string? database, TimeSpan? leaseDuration)
    {
        var options = new PostgreSqlClusteringOptions { ConnectionString = database ?? ConnectionString };
        if (leaseDuration is { } lease)
        {
            options.LeaseDuration = lease;
        }

        return options;
    }
}
