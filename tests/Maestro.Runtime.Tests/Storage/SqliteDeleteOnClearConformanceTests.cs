using Maestro.Runtime.Storage.Sqlite;

namespace Maestro.Runtime.Tests.Storage;

/// <summary>The delete-on-clear contract against SQLite, on a new database file per test.</summary>
public sealed class SqliteDeleteOnClearConformanceTests(SqliteGrainStorageFixture fixture)
    : DeleteOnClearConformanceTests<SqliteGrainStorage>(fixture.NewDatabase()), IClassFixture<SqliteGrainStorageFixture>;
