using Maestro.Runtime.Hosting;

namespace Maestro.Runtime.Tests.Storage;

/// <summary>The contract with <c>DeleteStateOnClear = true</c>: a clear deletes the row and the ETag becomes null.</summary>
/// <typeparam name="TStorage">The provider under test.</typeparam>
public abstract class DeleteOnClearConformanceTests<TStorage>(IConformanceDatabase<TStorage> database)
    : GrainStorageConformanceTests<TStorage>(database, deleteStateOnClear: true)
    where TStorage : class, IGrainStorage, ISiloLifecycleParticipant, IAsyncDisposable
{
    [Fact]
    public async Task Clear_deletes_the_row_and_leaves_no_etag()
    {
        var grainId = NewGrainId();
        var state = NewState(1, "secret");
        await Storage.WriteStateAsync(StateName, grainId, state);

        await Storage.ClearStateAsync(StateName, grainId, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Null(await ReadRowAsync(grainId));
        var read = await ReadAsync(grainId);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task After_a_clear_an_activation_that_never_read_can_write_again()
    {
        var grainId = NewGrainId();
        var state = NewState(1);
        await Storage.WriteStateAsync(StateName, grainId, state);
        await Storage.ClearStateAsync(StateName, grainId, state);

        var newActivation = NewState(2, "new life");
        await Storage.WriteStateAsync(StateName, grainId, newActivation);

        var read = await ReadAsync(grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(newActivation.State, read.State);
    }

    [Fact]
    public async Task Etags_of_a_deleted_record_are_never_issued_again_so_every_stale_writer_is_rejected()
    {
        var grainId = NewGrainId();
        var issued = new List<string>();
        for (var life = 0; life < 3; life++)
        {
            // Each life starts with a first write (null ETag), as a new activation after the delete would.
            var state = NewState(life);
            for (var write = 0; write < 3; write++)
            {
                await Storage.WriteStateAsync(StateName, grainId, state);
                issued.Add(state.ETag!);
            }

            await Storage.ClearStateAsync(StateName, grainId, state);
        }

        var current = NewState(42);
        await Storage.WriteStateAsync(StateName, grainId, current);

        Assert.Equal(issued.Count, issued.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(current.ETag, issued);
        foreach (var stale in issued)
        {
            await Assert.ThrowsAsync<InconsistentStateException>(
                () => Storage.WriteStateAsync(StateName, grainId, NewState(-1, etag: stale)));
        }

        Assert.Equal(42, (await ReadAsync(grainId)).State.Number);
    }
}
