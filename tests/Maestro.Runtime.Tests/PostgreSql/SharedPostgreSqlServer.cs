using Maestro.Runtime.Tests.PostgreSql;

[assembly: AssemblyFixture(typeof(SharedPostgreSqlServer))]

namespace Maestro.Runtime.Tests.PostgreSql;

/// <summary>
/// The one <see cref="PrivatePostgreSqlServer"/> the whole test assembly shares (each test class takes its own
/// database on it), started by the first test that asks, so a filtered run without PostgreSQL tests starts none. Tests
/// that stop or restart a server start their own instead: stopping this one would fail every other class running.
/// </summary>
public sealed class SharedPostgreSqlServer : IAsyncDisposable
{
    private readonly Lazy<Task<PrivatePostgreSqlServer>> server = new(PrivatePostgreSqlServer.StartNewAsync);

    public Task<PrivatePostgreSqlServer> GetAsync() => server.Value;

    public async ValueTask DisposeAsync()
    {
        // A start that failed has already failed the tests that asked, and cleaned up after itself.
        if (server.IsValueCreated && server.Value.IsCompletedSuccessfully)
        {
            await server.Value.Result.DisposeAsync();
        }
    }
}
