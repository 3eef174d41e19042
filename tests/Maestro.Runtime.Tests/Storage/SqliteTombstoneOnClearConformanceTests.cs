using Maestro.Runtime.Storage.Sqlite;

namespace Maestro.Runtime.Tests.Storage;

/// <summary>The tombstone-on-clear contract against SQLite, on a new database file per test.</summary>
public sealed class SqliteTombstoneOnClearConformanceTests(SqliteGrainStorageFixture fixture)
    : TombstoneOnClearConformanceTests<SqliteGrainStorage>(fixture.NewDatabase()), IClassFixture<SqliteGrainStorageFixture>;
