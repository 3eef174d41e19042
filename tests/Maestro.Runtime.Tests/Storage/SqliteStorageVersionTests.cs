using Microsoft.Extensions.DependencyInjection;
using Maestro.Runtime.Tests.Grains;

namespace Maestro.Runtime.Tests.Storage;

/// <summary>
/// The SQLite storage reuses one prepared statement per SQL text on its writer connection; these run each statement
/// several times, through success and conflict, so a statement left bound or unreset would show here.
/// </summary>
public sealed class SqliteStorageVersionTests
{
    private static readonly GrainId Grain = GrainId.Create("counter", "versions");

    [Fact]
    public async Task Writes_advance_the_etag_and_a_stale_writer_is_refused_every_time()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var storage = cluster.ServiceProvider.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DefaultStorageProviderName);

        var fresh = new GrainState<CounterState>(new CounterState { Value = 1 });
        await storage.WriteStateAsync("s", Grain, fresh);
        Assert.Equal("1", fresh.ETag);

        // A second "first write" of the same record: the row exists, so it must conflict, twice in a row.
        for (var i = 0; i < 2; i++)
        {
            var duplicate = new GrainState<CounterState>(new CounterState { Value = 9 });
            var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", Grain, duplicate));
            Assert.Equal("1", conflict.StoredEtag);
            Assert.Null(conflict.CurrentEtag);
        }

        var stale = new GrainState<CounterState>(new CounterState { Value = 5 }, "1");
        for (var value = 2; value <= 4; value++)
        {
            fresh.State.Value = value;
            await storage.WriteStateAsync("s", Grain, fresh);
        }

        Assert.Equal("4", fresh.ETag);
        for (var i = 0; i < 2; i++)
        {
            var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("s", Grain, stale));
            Assert.Equal("4", conflict.StoredEtag);
            Assert.Equal("1", conflict.CurrentEtag);
        }

        // Another record between the same statements must not see this one's values.
        var other = new GrainState<CounterState>(new CounterState { Value = 7 });
        await storage.WriteStateAsync("other", Grain, other);
        Assert.NotNull(other.ETag);
        await storage.WriteStateAsync("other", Grain, other);

        var read = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("s", Grain, read);
        Assert.Equal(4, read.State.Value);
        Assert.Equal("4", read.ETag);
    }

    [Fact]
    public async Task Clear_keeps_a_tombstone_and_the_record_survives_a_restart()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var storage = cluster.ServiceProvider.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DefaultStorageProviderName);

        var state = new GrainState<CounterState>(new CounterState { Value = 3 });
        await storage.WriteStateAsync("s", Grain, state);
        await storage.ClearStateAsync("s", Grain, state);
        Assert.Equal("2", state.ETag);
        Assert.False(state.RecordExists);

        var stale = new GrainState<CounterState>(new CounterState(), "1");
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("s", Grain, stale));
        var unversioned = new GrainState<CounterState>(new CounterState());
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("s", Grain, unversioned));

        state.State.Value = 8;
        await storage.WriteStateAsync("s", Grain, state);
        Assert.Equal("3", state.ETag);

        await cluster.RestartSiloAsync();
        storage = cluster.ServiceProvider.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DefaultStorageProviderName);
        var read = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("s", Grain, read);
        Assert.Equal(8, read.State.Value);
        Assert.Equal("3", read.ETag);
        await storage.WriteStateAsync("s", Grain, read);
        Assert.Equal("4", read.ETag);

        // The stop checkpoint truncates the WAL only if no statement of the writer is left mid-step.
        await cluster.StopAllSilosAsync();
        // Gone (the last connection's close removes it) or empty. Read once: the message must not read a deleted file.
        var wal = new FileInfo(Path.Combine(cluster.DataDirectory, "maestro.db-wal"));
        var walBytes = wal.Exists ? wal.Length : 0;
        Assert.True(walBytes == 0, $"The WAL still holds {walBytes} bytes after a graceful stop.");
    }
}
