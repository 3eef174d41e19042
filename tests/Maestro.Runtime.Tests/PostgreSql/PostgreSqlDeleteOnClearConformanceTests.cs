using Maestro.Runtime.Storage.PostgreSql;
using Maestro.Runtime.Tests.Storage;

namespace Maestro.Runtime.Tests.PostgreSql;

/// <summary>The delete-on-clear contract against PostgreSQL, on a database of this class's own.</summary>
public sealed class PostgreSqlDeleteOnClearConformanceTests(PostgreSqlStorageFixture database)
    : DeleteOnClearConformanceTests<PostgreSqlGrainStorage>(database), IClassFixture<PostgreSqlStorageFixture>;
