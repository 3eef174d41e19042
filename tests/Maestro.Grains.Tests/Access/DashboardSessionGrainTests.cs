using System.Security.Cryptography;
using Maestro.GrainInterfaces.Access;
using Maestro.Grains.Access;
using Microsoft.Data.Sqlite;

namespace Maestro.Grains.Tests.Access;

/// <summary>Dashboard sessions on grains: kept across a silo restart, ended by sign-out, by expiry and by revoking the key.</summary>
public sealed class DashboardSessionGrainTests
{
    private static readonly DashboardSessionTerms Terms = new(TimeSpan.FromHours(8), TimeSpan.Zero);

    [Fact]
    public async Task A_session_outlives_a_silo_restart_and_signing_out_ends_it_for_good()
    {
        await using var cluster = await DomainCluster.StartAsync();
        var (identity, keyHash) = await CreateKeyAsync(cluster, ApiRole.Viewer);
        var key = SessionKey();
        await cluster.Client.GetGrain<IDashboardSessionGrain>(key).StartAsync(identity, keyHash, Terms);

        await cluster.RestartSiloAsync();
        var afterRestart = await cluster.Client.GetGrain<IDashboardSessionGrain>(key).ResumeAsync(Terms);
        await cluster.Client.GetGrain<IDashboardSessionGrain>(key).EndAsync();
        var afterSignOut = await cluster.Client.GetGrain<IDashboardSessionGrain>(key).ResumeAsync(Terms);
        await cluster.RestartSiloAsync();
        var afterSecondRestart = await cluster.Client.GetGrain<IDashboardSessionGrain>(key).ResumeAsync(Terms);

        Assert.Equal(identity, afterRestart);
        Assert.Null(afterSignOut);
        Assert.Null(afterSecondRestart);
        Assert.Null(await cluster.Client.GetGrain<IDashboardSessionGrain>(SessionKey()).ResumeAsync(Terms));
    }

    [Fact]
    public async Task Revoking_the_key_ends_the_session_at_its_next_check_but_not_before()
    {
        await using var cluster = await DomainCluster.StartAsync();
        var (identity, keyHash) = await CreateKeyAsync(cluster, ApiRole.Operator);
        var (trusting, checking) = (cluster.Client.GetGrain<IDashboardSessionGrain>(SessionKey()), cluster.Client.GetGrain<IDashboardSessionGrain>(SessionKey()));
        var trustingTerms = Terms with { KeyRecheckPeriod = TimeSpan.FromHours(1) };
        await trusting.StartAsync(identity, keyHash, trustingTerms);
        await checking.StartAsync(identity, keyHash, Terms);

        await cluster.Client.GetGrain<IApiKeyDirectoryGrain>(IApiKeyDirectoryGrain.Key).RevokeAsync(identity.KeyId);

        Assert.Null(await checking.ResumeAsync(Terms));
        Assert.Equal(identity, await trusting.ResumeAsync(trustingTerms));
        Assert.Null(await trusting.ResumeAsync(Terms));
        Assert.Null(await trusting.ResumeAsync(trustingTerms));
    }

    [Fact]
    public async Task A_session_not_used_within_its_lifetime_has_ended()
    {
        await using var cluster = await DomainCluster.StartAsync();
        var (identity, keyHash) = await CreateKeyAsync(cluster, ApiRole.Viewer);
        var session = cluster.Client.GetGrain<IDashboardSessionGrain>(SessionKey());
        var brief = Terms with { Lifetime = TimeSpan.FromMilliseconds(1) };
        var started = DateTimeOffset.UtcNow;
        await session.StartAsync(identity, keyHash, brief);
        SpinWait.SpinUntil(() => DateTimeOffset.UtcNow - started > TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(5));

        Assert.Null(await session.ResumeAsync(Terms));
        Assert.Null(await session.ResumeAsync(Terms));
    }

    [Fact]
    public async Task An_abandoned_session_is_removed_from_storage_once_it_has_expired()
    {
        await using var cluster = await DomainCluster.StartAsync();
        var (identity, keyHash) = await CreateKeyAsync(cluster, ApiRole.Viewer);
        var key = SessionKey();
        var session = cluster.Client.GetGrain<IDashboardSessionGrain>(key);
        await session.StartAsync(identity, keyHash, Terms with { Lifetime = TimeSpan.FromMilliseconds(300) });
        Assert.Equal((1, 1), (StoredSessions(cluster), SessionReminders(cluster)));

        // Nobody signs out or comes back: the expiry reminder alone removes the session and then itself.
        await Eventually.WaitForAsync(
            () => Task.FromResult((StoredSessions(cluster), SessionReminders(cluster))), left => left == (0, 0), "the expired session and its reminder to be removed");
    }

    [Fact]
    public async Task A_session_in_use_outlives_its_first_lifetime_though_its_renewals_are_not_yet_written()
    {
        await using var cluster = await DomainCluster.StartAsync();
        var (identity, keyHash) = await CreateKeyAsync(cluster, ApiRole.Viewer);
        var session = cluster.Client.GetGrain<IDashboardSessionGrain>(SessionKey());
        var terms = Terms with { Lifetime = TimeSpan.FromSeconds(4) };
        await session.StartAsync(identity, keyHash, terms);

        // Used every 100 ms well past the reminder's first tick at 4 s; the stored expiry is still the first one.
        var until = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(9);
        while (DateTimeOffset.UtcNow < until)
        {
            Assert.Equal(identity, await session.ResumeAsync(terms));
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal((1, 1), (StoredSessions(cluster), SessionReminders(cluster)));
        await session.EndAsync();
        Assert.Equal((0, 0), (StoredSessions(cluster), SessionReminders(cluster)));
    }

    /// <summary>Session rows holding a session (a cleared one is deleted or left without a payload).</summary>
    private static long StoredSessions(InProcessTestCluster cluster) =>
        Count(cluster, "maestro.db", "SELECT COUNT(*) FROM grain_state WHERE grain_type = 'dashboardsession' AND payload IS NOT NULL");

    private static long SessionReminders(InProcessTestCluster cluster) =>
        Count(cluster, "reminders.db", "SELECT COUNT(*) FROM reminders WHERE reminder_name = 'session-expiry'");

    private static long Count(InProcessTestCluster cluster, string database, string query)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(cluster.DataDirectory, database)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = query;
        return (long)command.ExecuteScalar()!;
    }

    private static string SessionKey() => Convert.ToHexString(SHA256.HashData(RandomNumberGenerator.GetBytes(32)));

    private static async Task<(ApiKeyIdentity Identity, string KeyHash)> CreateKeyAsync(InProcessTestCluster cluster, ApiRole role)
    {
        var directory = cluster.Client.GetGrain<IApiKeyDirectoryGrain>(IApiKeyDirectoryGrain.Key);
        var (adminKey, adminId) = ApiKeyCodec.Generate();
        await directory.CreateAsync(adminId, "admin", ApiRole.Admin, ApiKeyCodec.Hash(adminKey), "test");
        var (key, keyId) = ApiKeyCodec.Generate();
        await directory.CreateAsync(keyId, "dashboard user", role, ApiKeyCodec.Hash(key), "test");
        return (new ApiKeyIdentity(keyId, "dashboard user", role), ApiKeyCodec.Hash(key));
    }
}
