using System.Text;
using System.Text.Json;
using Maestro.Runtime.Tests.Storage.Grains;

namespace Maestro.Runtime.Tests.Storage;

/// <summary>A state that cannot be loaded must stop the grain with a clear error, never start it from an empty state.</summary>
public sealed class StateLoadFailureTests
{
    [Theory]
    [InlineData("{\"Value\": 1", false)]
    [InlineData("{\"Value\": 1", true)]
    [InlineData("{\"Value\": \"seven\"}", false)]
    [InlineData("[1, 2, 3]", true)]
    public async Task A_corrupt_payload_fails_activation_naming_the_state_and_grain_and_loses_nothing(string payload, bool storedAsText)
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var damagedId = await AddAsync(cluster, "damaged", 5);
        await AddAsync(cluster, "healthy", 7);
        await cluster.StopAllSilosAsync();
        await GrainStateTable.OverwritePayloadAsync(DatabasePath(cluster), damagedId, "count", storedAsText ? payload : Encoding.UTF8.GetBytes(payload));
        var damagedRow = await GrainStateTable.ReadRowAsync(DatabasePath(cluster), damagedId, "count");

        await cluster.DeployAsync();
        var damaged = cluster.Client.GetGrain<IPersistentCounterGrain>("damaged");
        var error = await Assert.ThrowsAsync<OrleansException>(() => damaged.Get());

        Assert.Contains("'count'", error.Message, StringComparison.Ordinal);
        Assert.Contains(damagedId.ToString(), error.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(error.InnerException, exactMatch: false);

        // Starting from an empty state instead would let the grain's next write destroy the record.
        await Assert.ThrowsAsync<OrleansException>(() => damaged.Add(1));
        Assert.Equal(7, await cluster.Client.GetGrain<IPersistentCounterGrain>("healthy").Get());
        var rowAfter = await GrainStateTable.ReadRowAsync(DatabasePath(cluster), damagedId, "count");
        Assert.NotNull(rowAfter);
        Assert.Equal(damagedRow!.Value.Etag, rowAfter.Value.Etag);
        Assert.Equal(damagedRow.Value.Payload, rowAfter.Value.Payload);
    }

    [Fact]
    public async Task A_payload_edited_by_hand_as_text_is_read_like_one_the_silo_wrote()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var grainId = await AddAsync(cluster, "hand-edited", 5);
        await cluster.StopAllSilosAsync();
        await GrainStateTable.OverwritePayloadAsync(DatabasePath(cluster), grainId, "count", "{\"Value\": 40}");

        await cluster.DeployAsync();
        var counter = cluster.Client.GetGrain<IPersistentCounterGrain>("hand-edited");

        Assert.Equal(40, await counter.Get());
        Assert.Equal(42, await counter.Add(2));
    }

    [Theory]
    [InlineData("{\"Value\": 40, \"AddedInALaterVersion\": [1, 2]}", 40)]
    [InlineData("{}", 0)]
    public async Task State_written_by_an_older_or_newer_version_of_the_contract_still_loads(string payload, int expected)
    {
        // Members are matched by name: a property this version lacks is ignored, one it adds keeps its default.
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var grainId = await AddAsync(cluster, "versioned", 5);
        await cluster.StopAllSilosAsync();
        await GrainStateTable.OverwritePayloadAsync(DatabasePath(cluster), grainId, "count", Encoding.UTF8.GetBytes(payload));

        await cluster.DeployAsync();

        Assert.Equal(expected, await cluster.Client.GetGrain<IPersistentCounterGrain>("versioned").Get());
    }

    [Fact]
    public async Task A_state_type_without_a_parameterless_constructor_fails_activation_with_a_clear_error()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Client.GetGrain<IThemeGrain>("dark").GetTheme());

        Assert.Contains(typeof(ThemeSettings).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("parameterless constructor", error.Message, StringComparison.Ordinal);
    }

    private static async Task<GrainId> AddAsync(InProcessTestCluster cluster, string key, int amount)
    {
        var counter = cluster.Client.GetGrain<IPersistentCounterGrain>(key);
        await counter.Add(amount);
        return counter.GetGrainId();
    }

    /// <summary>The file the test cluster gives its default storage.</summary>
    private static string DatabasePath(InProcessTestCluster cluster) => Path.Combine(cluster.DataDirectory, "maestro.db");
}
