using Maestro.Runtime.Storage.PostgreSql;
using Maestro.Runtime.Tests.Storage;
using Npgsql;

namespace Maestro.Runtime.Tests.PostgreSql;

/// <summary>
/// What only the PostgreSQL provider has to get right: the schema it applies to a database that many silos share,
/// and conflicts between silos, which the database (not a lock in one process) must resolve. Each provider instance
/// here stands for one silo: it has its own connection pool.
/// </summary>
public sealed class PostgreSqlGrainStorageTests(PostgreSqlStorageFixture fixture) : IClassFixture<PostgreSqlStorageFixture>
{
    private const string StateName = "state";

    [Fact]
    public async Task Starting_on_a_database_that_has_the_schema_applies_nothing_again_and_keeps_the_data()
    {
        var database = await fixture.CreateDatabaseAsync();
        var serviceId = ServiceId();
        var grainId = NewGrainId();
        var written = NewState(7);
        await using (var first = await StartedStorageAsync(database, serviceId))
        {
            await first.WriteStateAsync(StateName, grainId, written);
        }

        var migrationsBefore = await PostgreSqlGrainStateTable.SchemaMigrationsAsync(database);

        await using var second = await StartedStorageAsync(database, serviceId);

        Assert.Equal(
            PostgreSqlSchema.Scripts.Select(s => (s.Version, s.Name)),
            migrationsBefore.Select(m => (m.Version, m.Name)));
        Assert.Equal(migrationsBefore, await PostgreSqlGrainStateTable.SchemaMigrationsAsync(database));
        var read = await ReadAsync(second, grainId);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written.State, read.State);
    }

    [Fact]
    public async Task Every_schema_script_can_be_run_again_by_hand_and_a_silo_then_starts_on_the_result()
    {
        // What a DBA does: run the files of deploy/sql/postgresql with psql, possibly twice.
        var database = await fixture.CreateDatabaseAsync();
        for (var round = 0; round < 2; round++)
        {
            foreach (var script in PostgreSqlSchema.Scripts)
            {
                await PostgreSqlGrainStateTable.ExecuteAsync(database, script.Sql);
            }
        }

        var migrations = await PostgreSqlGrainStateTable.SchemaMigrationsAsync(database);
        await using var storage = await StartedStorageAsync(database);

        Assert.Equal(PostgreSqlSchema.Scripts.Select(s => (s.Version, s.Name)), migrations.Select(m => (m.Version, m.Name)));
        Assert.Equal(migrations, await PostgreSqlGrainStateTable.SchemaMigrationsAsync(database));
        var grainId = NewGrainId();
        await storage.WriteStateAsync(StateName, grainId, NewState(1));
        Assert.Equal(1, (await ReadAsync(storage, grainId)).State.Number);
    }

    [Fact]
    public async Task Silos_starting_together_on_an_empty_database_all_start_and_each_script_is_applied_once()
    {
        var database = await fixture.CreateDatabaseAsync();
        var silos = Enumerable.Range(0, 8).Select(_ => fixture.CreateStorage(database, ServiceId())).ToList();
        try
        {
            await Task.WhenAll(silos.Select(s => Task.Run(() => s.OnSiloStartAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)));

            var migrations = await PostgreSqlGrainStateTable.SchemaMigrationsAsync(database);
            Assert.Equal(PostgreSqlSchema.Scripts.Select(s => (s.Version, s.Name)), migrations.Select(m => (m.Version, m.Name)));
            foreach (var silo in silos)
            {
                var grainId = NewGrainId();
                await silo.WriteStateAsync(StateName, grainId, NewState(3));
                Assert.Equal(3, (await ReadAsync(silo, grainId)).State.Number);
            }
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_database_with_a_newer_schema_is_refused_with_a_clear_message_and_left_as_it_is()
    {
        var database = await fixture.CreateDatabaseAsync();
        await (await StartedStorageAsync(database)).DisposeAsync();
        var newer = PostgreSqlSchema.Version + 1;
        await PostgreSqlGrainStateTable.ExecuteAsync(database, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", newer, $"{newer:000}-from-a-newer-silo");
        var migrationsBefore = await PostgreSqlGrainStateTable.SchemaMigrationsAsync(database);
        await using var storage = fixture.CreateStorage(database, ServiceId());

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => storage.OnSiloStartAsync(TestContext.Current.CancellationToken));

        Assert.Contains($"schema version {newer}, newer than this silo knows ({PostgreSqlSchema.Version}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Upgrade the silo", refused.Message, StringComparison.Ordinal);
        Assert.Contains(new NpgsqlConnectionStringBuilder(database).Database!, refused.Message, StringComparison.Ordinal);

        // Grain calls that reach the provider anyway are refused the same way rather than run against an unknown schema.
        var onRead = await Assert.ThrowsAsync<InvalidOperationException>(() => storage.ReadStateAsync(StateName, NewGrainId(), NewState(0)));
        Assert.Equal(refused.Message, onRead.Message);
        Assert.Equal(migrationsBefore, await PostgreSqlGrainStateTable.SchemaMigrationsAsync(database));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Of_16_silos_writing_one_record_at_once_with_the_same_etag_exactly_one_succeeds(bool recordExists)
    {
        var serviceId = ServiceId();
        var grainId = NewGrainId();
        var silos = new List<PostgreSqlGrainStorage>();
        try
        {
            for (var i = 0; i < 16; i++)
            {
                var silo = fixture.CreateStorage(fixture.ConnectionString, serviceId);
                silos.Add(silo);
                await silo.OnSiloStartAsync(TestContext.Current.CancellationToken);

                // Every silo reads first, as an activation does; that also opens its connection, so the writes race.
                Assert.False((await ReadAsync(silo, grainId)).RecordExists);
            }

            string? sharedEtag = null;
            if (recordExists)
            {
                var existing = NewState(0);
                await silos[0].WriteStateAsync(StateName, grainId, existing);
                sharedEtag = existing.ETag;
            }

            var writers = silos.Select((_, i) => NewState(i + 1, etag: sharedEtag)).ToList();
            var outcomes = await Task.WhenAll(silos.Select((silo, i) => Record.ExceptionAsync(
                () => Task.Run(() => silo.WriteStateAsync(StateName, grainId, writers[i]), TestContext.Current.CancellationToken)).AsTask()));

            var winner = Assert.Single(writers.Where((_, i) => outcomes[i] is null));
            Assert.All(outcomes.Where(o => o is not null), o =>
            {
                var conflict = Assert.IsType<InconsistentStateException>(o);
                Assert.Equal(winner.ETag, conflict.StoredEtag);
                Assert.Equal(sharedEtag, conflict.CurrentEtag);
            });
            var stored = await ReadAsync(silos[^1], grainId);
            Assert.Equal(winner.ETag, stored.ETag);
            Assert.Equal(winner.State, stored.State);
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData("convert_to($5, 'UTF8')")]
    [InlineData("$5::bytea")]
    public async Task A_payload_edited_by_hand_in_sql_is_read_like_one_the_silo_wrote(string payloadSql)
    {
        // The two ways a person writes JSON into a bytea column: converting text, or a plain string literal (bytea's
        // input format takes every character but a backslash as its UTF-8 bytes).
        var serviceId = ServiceId();
        await using var storage = await StartedStorageAsync(fixture.ConnectionString, serviceId);
        var grainId = NewGrainId();
        var written = NewState(5);
        await storage.WriteStateAsync(StateName, grainId, written);

        await PostgreSqlGrainStateTable.OverwritePayloadAsync(
            fixture.ConnectionString, serviceId, grainId, StateName, payloadSql, "{\"Number\": 40, \"Text\": \"Привет, правка вручную\"}");

        var read = await ReadAsync(storage, grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(40, read.State.Number);
        Assert.Equal("Привет, правка вручную", read.State.Text);
        read.State.Number = 41;
        await storage.WriteStateAsync(StateName, grainId, read);
        Assert.Equal(41, (await ReadAsync(storage, grainId)).State.Number);
    }

    [Fact]
    public async Task A_key_with_a_nul_character_which_postgresql_text_cannot_hold_is_refused_naming_the_grain()
    {
        // Unlike SQLite, which stores it; such a key fails loudly rather than being truncated or merged with another.
        await using var storage = await StartedStorageAsync(fixture.ConnectionString);
        var grainId = GrainId.Create("postgresql", "before\0after");

        var error = await Assert.ThrowsAsync<OrleansException>(() => storage.WriteStateAsync(StateName, grainId, NewState(1)));

        Assert.Contains($"Writing state '{StateName}' of grain {grainId}", error.Message, StringComparison.Ordinal);
        var invalid = Assert.IsType<PostgresException>(error.InnerException);
        Assert.Equal(PostgresErrorCodes.CharacterNotInRepertoire, invalid.SqlState);
        Assert.False((await ReadAsync(storage, GrainId.Create("postgresql", "before"))).RecordExists);
    }

    [Theory]
    [InlineData(" ", "has no ConnectionString")]
    [InlineData("Host=127.0.0.1;Colour=blue", "has an invalid ConnectionString")]
    public void A_provider_with_a_missing_or_invalid_connection_string_is_refused_naming_the_provider(string connectionString, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => fixture.CreateStorage(connectionString, ServiceId()));

        Assert.Contains($"PostgreSQL grain storage 'conformance' {expected}", error.Message, StringComparison.Ordinal);
    }

    private static string ServiceId() => $"pg-{Guid.NewGuid():N}";

    private static GrainId NewGrainId() => GrainId.Create("postgresql", $"grain-{Guid.NewGuid():N}");

    private static GrainState<ConformanceState> NewState(int number, string? etag = null) =>
        new(new ConformanceState { Number = number, Text = $"state {number}" }, etag);

    private static async Task<GrainState<ConformanceState>> ReadAsync(IGrainStorage storage, GrainId grainId)
    {
        var state = new GrainState<ConformanceState>(new ConformanceState());
        await storage.ReadStateAsync(StateName, grainId, state);
        return state;
    }

    private async Task<PostgreSqlGrainStorage> StartedStorageAsync(string database, string? serviceId = null)
    {
        var storage = fixture.CreateStorage(database, serviceId ?? ServiceId());
        await storage.OnSiloStartAsync(TestContext.Current.CancellationToken);
        return storage;
    }
}
