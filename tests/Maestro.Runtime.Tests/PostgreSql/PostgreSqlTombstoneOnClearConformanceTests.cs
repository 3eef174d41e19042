using Maestro.Runtime.Storage.PostgreSql;
using Maestro.Runtime.Tests.Storage;

namespace Maestro.Runtime.Tests.PostgreSql;

/// <summary>The tombstone-on-clear contract against PostgreSQL, on a database of this class's own.</summary>
public sealed class PostgreSqlTombstoneOnClearConformanceTests(PostgreSqlStorageFixture database)
    : TombstoneOnClearConformanceTests<PostgreSqlGrainStorage>(database), IClassFixture<PostgreSqlStorageFixture>;
