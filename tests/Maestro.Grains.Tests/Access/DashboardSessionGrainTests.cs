using System.Security.Cryptography;
using Maestro.GrainInterfaces.Access;
using Maestro.Grains.Access;

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
