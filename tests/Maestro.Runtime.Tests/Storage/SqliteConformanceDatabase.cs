using System.Text;
using Maestro.Runtime.Storage.Sqlite;

namespace Maestro.Runtime.Tests.Storage;

/// <summary>One SQLite database file for the conformance suite; rows are read and damaged with <see cref="GrainStateTable"/>.</summary>
public sealed class SqliteConformanceDatabase(SqliteGrainStorageFixture fixture, string databasePath) : IConformanceDatabase<SqliteGrainStorage>
{
    public SqliteGrainStorage CreateStorage(string serviceId, bool deleteStateOnClear) =>
        fixture.CreateStorage(databasePath, deleteStateOnClear, serviceId);

    public async Task<StoredRow?> ReadRowAsync(string serviceId, GrainId grainId, string stateName) =>
        await GrainStateTable.ReadRowAsync(databasePath, grainId, stateName, serviceId) is { } row
            ? new StoredRow(row.Payload switch
            {
                null => null,
                byte[] bytes => bytes,

                // SQLite is dynamically typed: a hand edit may have stored the JSON as TEXT.
                string text => Encoding.UTF8.GetBytes(text),
                var other => throw new InvalidOperationException($"A payload stored as {other.GetType().Name} is neither BLOB nor TEXT."),
            }, row.Etag)
            : null;

    public Task OverwritePayloadAsync(string serviceId, GrainId grainId, string stateName, byte[] payload) =>
        GrainStateTable.OverwritePayloadAsync(databasePath, grainId, stateName, payload, serviceId);
}
