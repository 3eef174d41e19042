using Maestro.Runtime.Serialization;
using Maestro.Runtime.Storage.PostgreSql;
using Maestro.Runtime.Tests.Storage;

namespace Maestro.Runtime.Tests.PostgreSql;

/// <summary>
/// Per test class: a database of its own on the shared server, the silo's own <see cref="GrainSerializer"/> (from a
/// deployed test cluster) and PostgreSQL storage providers configured as a silo would configure them. As an
/// <see cref="IConformanceDatabase{TStorage}"/> it runs the conformance suite on the class's database; tests that
/// need an empty database make more with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgreSqlStorageFixture(SharedPostgreSqlServer sharedServer) : IConformanceDatabase<PostgreSqlGrainStorage>, IAsyncLifetime
{
    private readonly InProcessTestCluster cluster = new InProcessTestClusterBuilder().Build();
    private PrivatePostgreSqlServer? server;
    private string? connectionString;

    /// <summary>The class's own database.</summary>
    public string ConnectionString => connectionString ?? throw new InvalidOperationException("The fixture is not initialized.");

    public GrainSerializer Serializer => cluster.ServiceProvider.GetRequiredService<GrainSerializer>();

    /// <summary>A new, empty database on the shared server.</summary>
    public Task<string> CreateDatabaseAsync() =>
        (server ?? throw new InvalidOperationException("The fixture is not initialized.")).CreateDatabaseAsync("storage");

    public PostgreSqlGrainStorage CreateStorage(string serviceId, bool deleteStateOnClear) =>
        CreateStorage(ConnectionString, serviceId, deleteStateOnClear);

    /// <summary>A provider on any database, e.g. one per simulated silo.</summary>
    public PostgreSqlGrainStorage CreateStorage(string connectionString, string serviceId, bool deleteStateOnClear = false) =>
        new(
            "conformance",
            new PostgreSqlGrainStorageOptions { ConnectionString = connectionString, DeleteStateOnClear = deleteStateOnClear },
            Options.Create(new ClusterOptions { ServiceId = serviceId }),
            Serializer);

    public Task<StoredRow?> ReadRowAsync(string serviceId, GrainId grainId, string stateName) =>
        PostgreSqlGrainStateTable.ReadRowAsync(ConnectionString, serviceId, grainId, stateName);

    public Task OverwritePayloadAsync(string serviceId, GrainId grainId, string stateName, byte[] payload) =>
        PostgreSqlGrainStateTable.OverwritePayloadAsync(ConnectionString, serviceId, grainId, stateName, "$5", payload);

    public async ValueTask InitializeAsync()
    {
        server = await sharedServer.GetAsync();
        connectionString = await server.CreateDatabaseAsync("conformance");
        await cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await cluster.DisposeAsync();
}
