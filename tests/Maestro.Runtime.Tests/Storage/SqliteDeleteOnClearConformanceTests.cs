namespace Maestro.Runtime.Tests.Storage;

/// <summary>The contract with <c>DeleteStateOnClear = true</c>: a clear deletes the row and the ETag becomes null.</summary>
public sealed class SqliteDeleteOnClearConformanceTests(SqliteGrainStorageFixture fixture)
    : SqliteGrainStorageConformanceTests(fixture, deleteStateOnClear: true), IClassFixture<SqliteGrainStorageFixture>
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
        Assert.Equal(0, await GrainStateTable.CountRowsAsync(DatabasePath, grainId, StateName));
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
}
