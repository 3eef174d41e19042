using Maestro.Runtime.Storage.PostgreSql;
using Maestro.Runtime.Tests.Storage;
using Npgsql;

namespace Maestro.Runtime.Tests.PostgreSql;

/// <summary>
/// PostgreSQL going away under a running provider. Each test stops a server of its own (the shared one serves other
/// classes in parallel). What the provider promises: acknowledged state survives a crash of the server; while it is
/// down every operation fails at once with an error naming the state and grain, and nothing is retried behind the
/// caller's back; once it is back the provider recovers by itself. Exactly one operation fails after a restart that
/// nothing noticed, the one that finds the pooled connection dead; Npgsql then drops the pool's other idle
/// connections, so every later operation connects afresh.
/// </summary>
public sealed class PostgreSqlRestartTests(PostgreSqlStorageFixture fixture) : IClassFixture<PostgreSqlStorageFixture>, IAsyncLifetime
{
    private const string StateName = "state";
    private PrivatePostgreSqlServer? server;
    private PostgreSqlGrainStorage? storage;

    private PrivatePostgreSqlServer Server => server ?? throw new InvalidOperationException("Not initialized.");

    private PostgreSqlGrainStorage Storage => storage ?? throw new InvalidOperationException("Not initialized.");

    public async ValueTask InitializeAsync()
    {
        server = await PrivatePostgreSqlServer.StartNewAsync();
        storage = fixture.CreateStorage(await server.CreateDatabaseAsync("restart"), $"restart-{Guid.NewGuid():N}");
        await storage.OnSiloStartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (storage is not null)
        {
            await storage.DisposeAsync();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task After_the_server_crashes_and_restarts_the_state_is_intact_only_the_first_operation_fails_and_the_rest_succeed()
    {
        var records = new List<(GrainId Id, GrainState<ConformanceState> State)>();
        for (var i = 0; i < 20; i++)
        {
            var record = (Id: NewGrainId(), State: NewState(i));
            await Storage.WriteStateAsync(StateName, record.Id, record.State);
            records.Add(record);
        }

        await Server.RestartAsync();

        var first = await Assert.ThrowsAsync<OrleansException>(() => ReadAsync(records[0].Id));
        Assert.Contains($"Reading state '{StateName}' of grain {records[0].Id}", first.Message, StringComparison.Ordinal);
        Assert.Contains("not retried", first.Message, StringComparison.Ordinal);
        Assert.IsType<NpgsqlException>(first.InnerException, exactMatch: false);
        foreach (var (id, state) in records)
        {
            var read = await ReadAsync(id);
            Assert.Equal(state.ETag, read.ETag);
            Assert.Equal(state.State, read.State);
        }

        var (lastId, last) = records[^1];
        last.State.Number = 100;
        await Storage.WriteStateAsync(StateName, lastId, last);
        await Storage.ClearStateAsync(StateName, records[0].Id, records[0].State);
        Assert.Equal(100, (await ReadAsync(lastId)).State.Number);
        Assert.False((await ReadAsync(records[0].Id)).RecordExists);
    }

    [Fact]
    public async Task While_the_server_is_down_every_operation_fails_clearly_and_the_first_one_after_it_is_back_succeeds()
    {
        var grainId = NewGrainId();
        var state = NewState(1);
        await Storage.WriteStateAsync(StateName, grainId, state);
        var acknowledgedEtag = state.ETag;

        await Server.StopAsync();

        state.State.Number = 2;
        var write = await Assert.ThrowsAsync<OrleansException>(() => Storage.WriteStateAsync(StateName, grainId, state));
        var read = await Assert.ThrowsAsync<OrleansException>(() => ReadAsync(grainId));
        var clear = await Assert.ThrowsAsync<OrleansException>(() => Storage.ClearStateAsync(StateName, grainId, state));
        Assert.Contains($"Writing state '{StateName}' of grain {grainId}", write.Message, StringComparison.Ordinal);
        Assert.Contains($"Reading state '{StateName}' of grain {grainId}", read.Message, StringComparison.Ordinal);
        Assert.Contains($"Clearing state '{StateName}' of grain {grainId}", clear.Message, StringComparison.Ordinal);
        Assert.All([write, read, clear], e => Assert.IsType<NpgsqlException>(e.InnerException, exactMatch: false));

        // A failed write leaves the grain's ETag alone, so it can write again once the server is back.
        Assert.Equal(acknowledgedEtag, state.ETag);
        await Server.StartAsync();

        var afterwards = await ReadAsync(grainId);
        Assert.Equal(acknowledgedEtag, afterwards.ETag);
        Assert.Equal(1, afterwards.State.Number);
        await Storage.WriteStateAsync(StateName, grainId, state);
        Assert.Equal(2, (await ReadAsync(grainId)).State.Number);
    }

    private static GrainId NewGrainId() => GrainId.Create("restart", $"grain-{Guid.NewGuid():N}");

    private static GrainState<ConformanceState> NewState(int number) => new(new ConformanceState { Number = number, Text = $"state {number}" });

    private async Task<GrainState<ConformanceState>> ReadAsync(GrainId grainId)
    {
        var state = new GrainState<ConformanceState>(new ConformanceState());
        await Storage.ReadStateAsync(StateName, grainId, state);
        return state;
    }
}
