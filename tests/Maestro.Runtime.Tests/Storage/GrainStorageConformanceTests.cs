using System.Globalization;
using System.Text;
using System.Text.Json;
using Maestro.Runtime.Hosting;

namespace Maestro.Runtime.Tests.Storage;

/// <summary>
/// The provider contract, ported from Orleans.Persistence.TestKit plus the Orleans #8746 and #9706 regressions, run
/// through <see cref="IGrainStorage"/> against every backend (SQLite, PostgreSQL) in each clear mode: one small
/// subclass per backend and mode supplies the database. Every test uses its own service id, so tests never see each
/// other's records even where a database is shared by a test class.
/// </summary>
/// <typeparam name="TStorage">The provider under test.</typeparam>
public abstract class GrainStorageConformanceTests<TStorage> : IAsyncLifetime
    where TStorage : class, IGrainStorage, ISiloLifecycleParticipant, IAsyncDisposable
{
    protected const string StateName = "state";
    private const string GrainTypeName = "conformance";
    private readonly bool deleteStateOnClear;
    private TStorage? provider;

    protected GrainStorageConformanceTests(IConformanceDatabase<TStorage> database, bool deleteStateOnClear)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        this.deleteStateOnClear = deleteStateOnClear;
    }

    /// <summary>Keys that must each round-trip unchanged: string keys, and the canonical forms of integer, Guid and compound keys.</summary>
    public static TheoryData<string> Keys { get; } = new(
        "plain",
        "Ключ с пробелами / и косой чертой",
        "🔑 emoji-ключ",
        GrainKeyFormat.FromInteger(0),
        GrainKeyFormat.FromInteger(-1),
        GrainKeyFormat.FromInteger(long.MaxValue),
        GrainKeyFormat.FromInteger(long.MinValue),
        GrainKeyFormat.FromInteger(42, "extension"),
        GrainKeyFormat.FromGuid(new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff")),
        GrainKeyFormat.FromGuid(Guid.Empty, "extension"));

    /// <summary>String keys that a numeric, case-insensitive, padding-insensitive or Unicode-normalising key column would merge (Orleans #9706).</summary>
    public static TheoryData<string, string> DistinctKeyPairs { get; } = new()
    {
        { "020235", "20235" },
        { "1e3", "1000" },
        { "1", "1.0" },
        { "0", "-0" },
        { "abc", "ABC" },
        { "key", "key " },
        { "\u00e9t\u00e9", "e\u0301te\u0301" }, // "été" precomposed and decomposed: they print alike but are different strings
    };

    protected IConformanceDatabase<TStorage> Database { get; }

    /// <summary>This test's own service id: part of every record's key.</summary>
    protected string ServiceId { get; } = $"conformance-{Guid.NewGuid():N}";

    protected TStorage Provider => provider ?? throw new InvalidOperationException("The provider is created in InitializeAsync.");

    protected IGrainStorage Storage => Provider;

    /// <summary>Creates and starts the provider, as a silo does before its first grain runs.</summary>
    public async ValueTask InitializeAsync()
    {
        provider = Database.CreateStorage(ServiceId, deleteStateOnClear);
        await provider.OnSiloStartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Write_then_read_returns_the_written_state_and_etag_for_a_cyrillic_key()
    {
        var grainId = GrainId.Create(GrainTypeName, "Грейн-Ёжик-№1");
        var written = NewState(7, "Привет, мир");

        await Storage.WriteStateAsync(StateName, grainId, written);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        var read = await ReadAsync(grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written.State, read.State);
    }

    [Fact]
    public async Task Write_with_a_null_etag_fails_when_the_record_exists()
    {
        var grainId = NewGrainId();
        var firstActivation = NewState(1);
        await Storage.WriteStateAsync(StateName, grainId, firstActivation);

        // A second activation that never read the record: its first write must not overwrite the first one's.
        var secondActivation = NewState(2);
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, grainId, secondActivation));

        Assert.Equal(firstActivation.ETag, conflict.StoredEtag);
        Assert.Null(conflict.CurrentEtag);
        Assert.Equal(firstActivation.State, (await ReadAsync(grainId)).State);
    }

    [Fact]
    public async Task Write_with_a_stale_etag_fails_and_keeps_the_newer_record()
    {
        var grainId = NewGrainId();
        var current = NewState(1);
        await Storage.WriteStateAsync(StateName, grainId, current);
        var stale = NewState(100, etag: current.ETag);
        current.State.Number = 2;
        await Storage.WriteStateAsync(StateName, grainId, current);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Equal(current.ETag, conflict.StoredEtag);
        Assert.Equal(stale.ETag, conflict.CurrentEtag);
        var read = await ReadAsync(grainId);
        Assert.Equal(current.ETag, read.ETag);
        Assert.Equal(2, read.State.Number);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("not-an-etag")]
    public async Task Write_with_an_etag_fails_when_no_record_exists(string etag)
    {
        var grainId = NewGrainId();
        var state = NewState(1, etag: etag);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, state));

        Assert.Null(conflict.StoredEtag);
        Assert.Equal(etag, conflict.CurrentEtag);
        Assert.False((await ReadAsync(grainId)).RecordExists);
    }

    [Fact]
    public async Task Read_of_a_missing_record_gives_a_new_state_and_no_etag()
    {
        var leftover = new ConformanceState { Number = 5, Text = "left over" };
        var state = new GrainState<ConformanceState>(leftover, "17") { RecordExists = true };

        await Storage.ReadStateAsync(StateName, NewGrainId(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.NotNull(state.State);
        Assert.NotSame(leftover, state.State);
        Assert.Equal(new ConformanceState(), state.State);
    }

    [Fact]
    public async Task Write_clear_write_stores_the_second_write()
    {
        var grainId = NewGrainId();
        var state = NewState(1);
        await Storage.WriteStateAsync(StateName, grainId, state);
        await Storage.ClearStateAsync(StateName, grainId, state);

        state.State = new ConformanceState { Number = 2, Text = "after clear" };
        await Storage.WriteStateAsync(StateName, grainId, state);

        Assert.True(state.RecordExists);
        var read = await ReadAsync(grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(state.State, read.State);
    }

    [Fact]
    public async Task Write_clear_read_sees_no_record_and_a_new_activation_can_write_again()
    {
        var grainId = NewGrainId();
        var state = NewState(1);
        await Storage.WriteStateAsync(StateName, grainId, state);
        await Storage.ClearStateAsync(StateName, grainId, state);

        var newActivation = await ReadAsync(grainId);

        Assert.False(newActivation.RecordExists);
        Assert.Equal(new ConformanceState(), newActivation.State);
        Assert.Equal(state.ETag, newActivation.ETag);
        newActivation.State.Number = 3;
        await Storage.WriteStateAsync(StateName, grainId, newActivation);
        Assert.Equal(3, (await ReadAsync(grainId)).State.Number);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Every_key_form_round_trips_through_write_read_and_clear(string key)
    {
        var grainId = GrainId.Create(GrainTypeName, key);
        var state = NewState(11, key);

        await Storage.WriteStateAsync(StateName, grainId, state);
        var read = await ReadAsync(grainId);

        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(NewState(11, key).State, read.State);
        await Storage.ClearStateAsync(StateName, grainId, read);
        Assert.False((await ReadAsync(grainId)).RecordExists);
    }

    [Theory]
    [MemberData(nameof(DistinctKeyPairs))]
    public async Task Distinct_key_strings_are_independent_records(string firstKey, string secondKey)
    {
        var first = GrainId.Create(GrainTypeName, firstKey);
        var second = GrainId.Create(GrainTypeName, secondKey);

        // Both first writes carry a null etag: if the keys shared a row, the second would be rejected as a duplicate.
        await Storage.WriteStateAsync(StateName, first, NewState(1, firstKey));
        await Storage.WriteStateAsync(StateName, second, NewState(2, secondKey));

        Assert.Equal(NewState(1, firstKey).State, (await ReadAsync(first)).State);
        Assert.Equal(NewState(2, secondKey).State, (await ReadAsync(second)).State);
    }

    [Fact]
    public async Task Same_key_and_state_name_on_two_grain_types_are_independent_records()
    {
        const string key = "shared-key";
        var account = GrainId.Create("account", key);
        var order = GrainId.Create("order", key);
        var accountState = NewState(1, "account");
        var orderState = NewState(2, "order");

        await Storage.WriteStateAsync(StateName, account, accountState);
        await Storage.WriteStateAsync(StateName, order, orderState);
        await Storage.ClearStateAsync(StateName, account, accountState);

        Assert.False((await ReadAsync(account)).RecordExists);
        var orderRead = await ReadAsync(order);
        Assert.True(orderRead.RecordExists);
        Assert.Equal(orderState.ETag, orderRead.ETag);
        Assert.Equal(orderState.State, orderRead.State);
    }

    [Fact]
    public async Task Etag_changes_on_every_write_even_when_the_values_are_identical()
    {
        var grainId = NewGrainId();
        var state = NewState(1);
        var etags = new List<string?>();

        for (var i = 0; i < 5; i++)
        {
            await Storage.WriteStateAsync(StateName, grainId, state);
            etags.Add(state.ETag);
        }

        Assert.DoesNotContain(null, etags);
        Assert.Equal(etags.Count, etags.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(etags[^1], (await ReadAsync(grainId)).ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, grainId, NewState(1, etag: etags[^2])));
    }

    [Fact]
    public async Task Clear_before_any_write_succeeds_and_the_grain_can_then_write()
    {
        var grainId = NewGrainId();
        var state = NewState(4);

        await Storage.ClearStateAsync(StateName, grainId, state);

        Assert.False(state.RecordExists);
        Assert.Equal(new ConformanceState(), state.State);
        Assert.False((await ReadAsync(grainId)).RecordExists);
        state.State.Number = 5;
        await Storage.WriteStateAsync(StateName, grainId, state);
        Assert.Equal(5, (await ReadAsync(grainId)).State.Number);
    }

    [Fact]
    public async Task Clear_resets_the_state_to_a_new_instance_and_never_null()
    {
        var grainId = NewGrainId();
        var state = NewState(6, "to be cleared");
        await Storage.WriteStateAsync(StateName, grainId, state);
        var before = state.State;

        await Storage.ClearStateAsync(StateName, grainId, state);

        Assert.NotNull(state.State);
        Assert.NotSame(before, state.State);
        Assert.Equal(new ConformanceState(), state.State);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task Clear_changes_the_etag_so_a_writer_holding_the_old_one_is_rejected()
    {
        var grainId = NewGrainId();
        var state = NewState(1);
        await Storage.WriteStateAsync(StateName, grainId, state);
        var etagBeforeClear = state.ETag;

        await Storage.ClearStateAsync(StateName, grainId, state);

        Assert.NotEqual(etagBeforeClear, state.ETag);
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, grainId, NewState(99, etag: etagBeforeClear)));
        Assert.Equal(state.ETag, conflict.StoredEtag);
        Assert.Equal(etagBeforeClear, conflict.CurrentEtag);
        Assert.False((await ReadAsync(grainId)).RecordExists);
    }

    [Fact]
    public async Task Clear_can_be_repeated_and_the_grain_can_then_write()
    {
        var grainId = NewGrainId();
        var state = NewState(1);
        await Storage.WriteStateAsync(StateName, grainId, state);

        for (var i = 0; i < 3; i++)
        {
            await Storage.ClearStateAsync(StateName, grainId, state);
            Assert.False(state.RecordExists);
            Assert.Equal(new ConformanceState(), state.State);
        }

        var read = await ReadAsync(grainId);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        state.State.Number = 2;
        await Storage.WriteStateAsync(StateName, grainId, state);
        Assert.Equal(2, (await ReadAsync(grainId)).State.Number);
    }

    [Fact]
    public async Task Different_state_names_on_one_grain_are_independent_records()
    {
        var grainId = NewGrainId();
        var profile = NewState(1, "profile");
        var settings = NewState(2, "settings");

        // Both first writes carry a null etag: if the names shared a row, the second would be rejected as a duplicate.
        await Storage.WriteStateAsync("profile", grainId, profile);
        await Storage.WriteStateAsync("settings", grainId, settings);
        var settingsEtag = settings.ETag;
        await Storage.ClearStateAsync("profile", grainId, profile);

        Assert.False((await ReadAsync(grainId, "profile")).RecordExists);
        var settingsRead = await ReadAsync(grainId, "settings");
        Assert.True(settingsRead.RecordExists);
        Assert.Equal(settingsEtag, settingsRead.ETag);
        Assert.Equal(settings.State, settingsRead.State);
        settings.State.Number = 3;
        await Storage.WriteStateAsync("settings", grainId, settings);
        Assert.Equal(3, (await ReadAsync(grainId, "settings")).State.Number);
    }

    [Fact]
    public async Task A_writer_holding_an_etag_from_before_a_clear_cannot_overwrite_the_record_written_after_it()
    {
        var grainId = NewGrainId();
        var before = NewState(1);
        for (var i = 0; i < 3; i++)
        {
            await Storage.WriteStateAsync(StateName, grainId, before);
        }

        var staleActivation = NewState(-1, etag: before.ETag);
        await Storage.ClearStateAsync(StateName, grainId, before);
        var after = NewState(2, etag: (await ReadAsync(grainId)).ETag);
        await Storage.WriteStateAsync(StateName, grainId, after);

        // Keep writing until the new record reaches the stale ETag, which a scheme that restarts ETags would reuse.
        var stale = long.Parse(staleActivation.ETag!, CultureInfo.InvariantCulture);
        while (long.Parse(after.ETag!, CultureInfo.InvariantCulture) < stale)
        {
            await Storage.WriteStateAsync(StateName, grainId, after);
        }

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grainId, staleActivation));
        Assert.Equal(2, (await ReadAsync(grainId)).State.Number);
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_fails_and_keeps_the_record()
    {
        var grainId = NewGrainId();
        var current = NewState(1);
        await Storage.WriteStateAsync(StateName, grainId, current);
        var stale = NewState(1, etag: current.ETag);
        current.State.Number = 2;
        await Storage.WriteStateAsync(StateName, grainId, current);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grainId, stale));

        Assert.Equal(current.ETag, conflict.StoredEtag);
        Assert.Equal(stale.ETag, conflict.CurrentEtag);
        var read = await ReadAsync(grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(current.State, read.State);
    }

    [Fact]
    public async Task Clear_with_a_null_etag_fails_when_the_record_exists()
    {
        var grainId = NewGrainId();
        var written = NewState(1);
        await Storage.WriteStateAsync(StateName, grainId, written);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.ClearStateAsync(StateName, grainId, NewState(0)));

        Assert.Equal(written.ETag, conflict.StoredEtag);
        Assert.Null(conflict.CurrentEtag);
        Assert.Equal(written.State, (await ReadAsync(grainId)).State);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Of_concurrent_writers_holding_the_same_etag_exactly_one_wins(bool recordExists)
    {
        var grainId = NewGrainId();
        string? sharedEtag = null;
        if (recordExists)
        {
            var existing = NewState(0);
            await Storage.WriteStateAsync(StateName, grainId, existing);
            sharedEtag = existing.ETag;
        }

        var writers = Enumerable.Range(1, 8).Select(i => NewState(i, etag: sharedEtag)).ToList();
        var outcomes = await Task.WhenAll(writers.Select(w => Record.ExceptionAsync(
            () => Task.Run(() => Storage.WriteStateAsync(StateName, grainId, w), TestContext.Current.CancellationToken)).AsTask()));

        var winner = Assert.Single(writers.Where((_, i) => outcomes[i] is null));
        var conflicts = outcomes.Where(o => o is not null).ToList();
        Assert.Equal(writers.Count - 1, conflicts.Count);
        Assert.All(conflicts, c =>
        {
            var conflict = Assert.IsType<InconsistentStateException>(c);
            Assert.Equal(winner.ETag, conflict.StoredEtag);
            Assert.Equal(sharedEtag, conflict.CurrentEtag);
        });
        var read = await ReadAsync(grainId);
        Assert.Equal(winner.ETag, read.ETag);
        Assert.Equal(winner.State, read.State);
    }

    [Fact]
    public async Task Parallel_write_read_write_read_on_many_grains_keeps_every_grain_consistent()
    {
        var grains = Enumerable.Range(0, 100)
            .Select(i => (Id: GrainId.Create(GrainTypeName, $"parallel-{i}"), State: NewState(i, $"grain {i}")))
            .ToList();
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Environment.ProcessorCount * 3,
            CancellationToken = TestContext.Current.CancellationToken,
        };

        await Parallel.ForEachAsync(grains, options, async (grain, _) =>
        {
            for (var round = 0; round < 10; round++)
            {
                var etagBefore = grain.State.ETag;
                grain.State.State.Number += 1000;
                await Storage.WriteStateAsync(StateName, grain.Id, grain.State);
                Assert.NotEqual(etagBefore, grain.State.ETag);

                var read = await ReadAsync(grain.Id);
                Assert.Equal(grain.State.ETag, read.ETag);
                Assert.Equal(grain.State.State, read.State);
            }
        });

        foreach (var (id, state) in grains)
        {
            Assert.Equal(state.State, (await ReadAsync(id)).State);
        }
    }

    [Fact]
    public async Task Records_of_another_service_in_the_same_database_are_invisible()
    {
        var grainId = NewGrainId();
        await using var otherService = Database.CreateStorage($"another-{Guid.NewGuid():N}", deleteStateOnClear: false);
        var ours = NewState(1, "ours");
        await Storage.WriteStateAsync(StateName, grainId, ours);

        var theirsBeforeWrite = new GrainState<ConformanceState>(new ConformanceState());
        await otherService.ReadStateAsync(StateName, grainId, theirsBeforeWrite);
        await otherService.WriteStateAsync(StateName, grainId, NewState(2, "theirs"));

        Assert.False(theirsBeforeWrite.RecordExists);
        Assert.Equal(ours.State, (await ReadAsync(grainId)).State);
    }

    [Fact]
    public async Task A_new_provider_on_the_same_database_reads_what_the_previous_one_wrote()
    {
        var grainId = NewGrainId();
        var written = NewState(8, "durable");
        await Storage.WriteStateAsync(StateName, grainId, written);
        await Provider.OnSiloStopAsync(TestContext.Current.CancellationToken);
        await Provider.DisposeAsync();

        await using var reopened = Database.CreateStorage(ServiceId, deleteStateOnClear: false);
        await reopened.OnSiloStartAsync(TestContext.Current.CancellationToken);
        var read = new GrainState<ConformanceState>(new ConformanceState());
        await reopened.ReadStateAsync(StateName, grainId, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written.State, read.State);
        read.State.Number = 9;
        await reopened.WriteStateAsync(StateName, grainId, read);
    }

    [Theory]
    [InlineData("{\"Number\": 1")]
    [InlineData("{\"Number\": \"seven\"}")]
    [InlineData("[1, 2, 3]")]
    public async Task A_payload_that_is_not_the_state_fails_the_read_naming_state_and_grain_and_changes_nothing(string payload)
    {
        var grainId = NewGrainId();
        await Storage.WriteStateAsync(StateName, grainId, NewState(5));
        await Database.OverwritePayloadAsync(ServiceId, grainId, StateName, Encoding.UTF8.GetBytes(payload));
        var damaged = await ReadRowAsync(grainId);

        var error = await Assert.ThrowsAsync<OrleansException>(() => ReadAsync(grainId));

        // Starting the grain from an empty state instead would let its next write destroy the record.
        Assert.Contains($"'{StateName}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(grainId.ToString(), error.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(error.InnerException, exactMatch: false);
        var after = await ReadRowAsync(grainId);
        Assert.NotNull(after);
        Assert.Equal(damaged!.Etag, after.Etag);
        Assert.Equal(damaged.Payload, after.Payload);
    }

    [Fact]
    public async Task A_payload_replaced_outside_the_silo_with_valid_json_is_read_and_can_be_written_over()
    {
        var grainId = NewGrainId();
        var written = NewState(5);
        await Storage.WriteStateAsync(StateName, grainId, written);
        await Database.OverwritePayloadAsync(ServiceId, grainId, StateName, Encoding.UTF8.GetBytes("{\"Number\": 40, \"Text\": \"edited – by hand\"}"));

        var read = await ReadAsync(grainId);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(new ConformanceState { Number = 40, Text = "edited – by hand" }, read.State);
        read.State.Number = 41;
        await Storage.WriteStateAsync(StateName, grainId, read);
        Assert.Equal(41, (await ReadAsync(grainId)).State.Number);
    }

    protected static GrainId NewGrainId() => GrainId.Create(GrainTypeName, $"grain-{Guid.NewGuid():N}");

    protected static GrainState<ConformanceState> NewState(int number, string text = "text", string? etag = null) =>
        new(new ConformanceState { Number = number, Text = text, When = new DateTimeOffset(2024, 2, 29, 12, 30, 0, TimeSpan.FromHours(3)) }, etag);

    protected async Task<GrainState<ConformanceState>> ReadAsync(GrainId grainId, string stateName = StateName)
    {
        var state = new GrainState<ConformanceState>(new ConformanceState());
        await Storage.ReadStateAsync(stateName, grainId, state);
        return state;
    }

    protected Task<StoredRow?> ReadRowAsync(GrainId grainId, string stateName = StateName) => Database.ReadRowAsync(ServiceId, grainId, stateName);
}
