using Maestro.Runtime.Hosting;

namespace Maestro.Runtime.Tests.Storage;

/// <summary>The contract with <c>DeleteStateOnClear = false</c> (the default): a clear leaves a tombstone with a new ETag.</summary>
/// <typeparam name="TStorage">The provider under test.</typeparam>
public abstract class TombstoneOnClearConformanceTests<TStorage>(IConformanceDatabase<TStorage> database)
    : GrainStorageConformanceTests<TStorage>(database, deleteStateOnClear: false)
    where TStorage : class, IGrainStorage, ISiloLifecycleParticipant, IAsyncDisposable
{
    [Fact]
    public async Task Clear_erases_the_data_but_keeps_a_tombstone_with_a_new_etag()
    {
        var grainId = NewGrainId();
        var state = NewState(1, "secret");
        await Storage.WriteStateAsync(StateName, grainId, state);
        var writtenEtag = state.ETag;

        await Storage.ClearStateAsync(StateName, grainId, state);

        Assert.NotNull(state.ETag);
        Assert.NotEqual(writtenEtag, state.ETag);
        var row = await ReadRowAsync(grainId);
        Assert.NotNull(row);
        Assert.Null(row.Payload);
        var read = await ReadAsync(grainId);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task A_tombstone_rejects_the_first_write_of_an_activation_that_never_read_it()
    {
        var grainId = NewGrainId();
        var state = NewState(1);
        await Storage.WriteStateAsync(StateName, grainId, state);
        await Storage.ClearStateAsync(StateName, grainId, state);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, grainId, NewState(2)));

        Assert.Equal(state.ETag, conflict.StoredEtag);
        Assert.Null(conflict.CurrentEtag);
    }

    [Fact]
    public async Task Etags_never_repeat_across_clears_and_rewrites_so_every_stale_writer_is_rejected()
    {
        var grainId = NewGrainId();
        var state = NewState(1);
        var etags = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            state.State.Number = i;
            await Storage.WriteStateAsync(StateName, grainId, state);
            etags.Add(state.ETag!);
            await Storage.ClearStateAsync(StateName, grainId, state);
            etags.Add(state.ETag!);
        }

        state.State.Number = 42;
        await Storage.WriteStateAsync(StateName, grainId, state);

        Assert.Equal(etags.Count, etags.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(state.ETag, etags);
        foreach (var stale in etags)
        {
            await Assert.ThrowsAsync<InconsistentStateException>(
                () => Storage.WriteStateAsync(StateName, grainId, NewState(-1, etag: stale)));
        }

        Assert.Equal(42, (await ReadAsync(grainId)).State.Number);
    }
}
