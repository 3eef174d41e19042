using Maestro.Runtime.Configuration;
using Maestro.Runtime.Serialization;
using Maestro.Runtime.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Maestro.Runtime.Tests.Storage;

/// <summary>
/// Supplies the silo's own <see cref="GrainSerializer"/> (from a deployed test cluster) and makes SQLite storage
/// providers on private database files, so provider tests exercise exactly what a silo would run.
/// </summary>
public sealed class SqliteGrainStorageFixture : IAsyncLifetime
{
    private readonly InProcessTestCluster cluster = new InProcessTestClusterBuilder().Build();
    private readonly string databaseDirectory = Path.Combine(Path.GetTempPath(), "maestro-tests", $"storage-{Guid.NewGuid():N}");

    public GrainSerializer Serializer => cluster.ServiceProvider.GetRequiredService<GrainSerializer>();

    /// <summary>A new, empty database file in this fixture's folder.</summary>
    public string NewDatabasePath() => Path.Combine(databaseDirectory, $"{Guid.NewGuid():N}.db");

    /// <summary>A new, empty database file for the conformance suite.</summary>
    public SqliteConformanceDatabase NewDatabase() => new(this, NewDatabasePath());

    public SqliteGrainStorage CreateStorage(string databasePath, bool deleteStateOnClear, string serviceId = "conformance") =>
        new(
            "conformance",
            new SqliteGrainStorageOptions { DatabasePath = databasePath, DeleteStateOnClear = deleteStateOnClear },
            Options.Create(new ClusterOptions { ServiceId = serviceId }),
            Serializer);

    public async ValueTask InitializeAsync() => await cluster.DeployAsync();

    public async ValueTask DisposeAsync()
    {
        await cluster.DisposeAsync();

        // Pooled connections keep the files open; release them so the folder can go.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(databaseDirectory))
        {
            Directory.Delete(databaseDirectory, recursive: true);
        }
    }
}
