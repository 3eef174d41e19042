using Maestro.GrainInterfaces.Access;
using Maestro.Grains.Access;

namespace Maestro.Grains.Tests.Access;

/// <summary>Keys on grains: the first admin key, creation, authentication by hash, revocation, and the last-admin guard.</summary>
public sealed class ApiKeyGrainTests
{
    [Fact]
    public async Task The_first_admin_key_is_generated_once_and_only_its_hash_is_stored()
    {
        await using var cluster = await DomainCluster.StartAsync();
        var bootstrapper = new ApiKeyBootstrapper(cluster.Client);

        var (outcome, key) = await bootstrapper.EnsureInitialAdminAsync(null);
        var (again, secondKey) = await bootstrapper.EnsureInitialAdminAsync(null);
        await cluster.RestartSiloAsync();
        var (afterRestart, thirdKey) = await new ApiKeyBootstrapper(cluster.Client).EnsureInitialAdminAsync(null);

        Assert.Equal(BootstrapOutcome.Created, outcome);
        Assert.NotNull(key);
        Assert.Equal((BootstrapOutcome.Ignored, null), (again, secondKey));
        Assert.Equal((BootstrapOutcome.Ignored, null), (afterRestart, thirdKey));
        ApiKeyCodec.TryGetKeyId(key, out var keyId);
        var identity = await cluster.Client.GetGrain<IApiKeyGrain>(keyId).AuthenticateAsync(ApiKeyCodec.Hash(key));
        Assert.Equal(new ApiKeyIdentity(keyId, IApiKeyDirectoryGrain.BootstrapKeyName, ApiRole.Admin), identity);
        var listed = Assert.Single(await cluster.Client.GetGrain<IApiKeyDirectoryGrain>(IApiKeyDirectoryGrain.Key).ListAsync());
        Assert.Equal("bootstrap", listed.CreatedBy);
        foreach (var file in Directory.GetFiles(cluster.DataDirectory))
        {
            var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
            Assert.DoesNotContain(key, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_given_initial_key_is_used_on_the_first_start_and_recognised_on_the_next()
    {
        await using var cluster = await DomainCluster.StartAsync();
        var initial = "mk_00000000abcd_" + new string('k', 40);
        var bootstrapper = new ApiKeyBootstrapper(cluster.Client);

        var first = await bootstrapper.EnsureInitialAdminAsync(initial);
        var second = await bootstrapper.EnsureInitialAdminAsync(initial);
        var other = await bootstrapper.EnsureInitialAdminAsync("mk_00000000abce_" + new string('k', 40));

        Assert.Equal((BootstrapOutcome.Created, null), first);
        Assert.Equal((BootstrapOutcome.AlreadyPresent, null), second);
        Assert.Equal((BootstrapOutcome.Ignored, null), other);
        await Assert.ThrowsAsync<ArgumentException>(() => bootstrapper.EnsureInitialAdminAsync("not-a-key"));
    }

    [Fact]
    public async Task Keys_authenticate_by_hash_until_revoked_and_the_last_admin_cannot_be_revoked()
    {
        await using var cluster = await DomainCluster.StartAsync();
        var directory = cluster.Client.GetGrain<IApiKeyDirectoryGrain>(IApiKeyDirectoryGrain.Key);
        var (adminKey, adminId) = ApiKeyCodec.Generate();
        var (viewerKey, viewerId) = ApiKeyCodec.Generate();
        await directory.CreateAsync(adminId, "admin", ApiRole.Admin, ApiKeyCodec.Hash(adminKey), "test");
        await directory.CreateAsync(viewerId, "dashboard", ApiRole.Viewer, ApiKeyCodec.Hash(viewerKey), adminId);
        var viewer = cluster.Client.GetGrain<IApiKeyGrain>(viewerId);

        Assert.Equal(ApiRole.Viewer, (await viewer.AuthenticateAsync(ApiKeyCodec.Hash(viewerKey)))!.Role);
        Assert.Null(await viewer.AuthenticateAsync(ApiKeyCodec.Hash(adminKey)));
        Assert.Equal(RevokeOutcome.Revoked, await directory.RevokeAsync(viewerId));
        Assert.Null(await viewer.AuthenticateAsync(ApiKeyCodec.Hash(viewerKey)));
        Assert.Equal(RevokeOutcome.AlreadyRevoked, await directory.RevokeAsync(viewerId));
        Assert.Equal(RevokeOutcome.NotFound, await directory.RevokeAsync("000000000000"));
        Assert.Equal(RevokeOutcome.LastAdmin, await directory.RevokeAsync(adminId));
        Assert.NotNull(await cluster.Client.GetGrain<IApiKeyGrain>(adminId).AuthenticateAsync(ApiKeyCodec.Hash(adminKey)));
        var keys = await directory.ListAsync();
        Assert.Equal([adminId, viewerId], keys.Select(k => k.KeyId));
        Assert.NotNull(keys[1].RevokedAt);
        await Assert.ThrowsAsync<InvalidOperationException>(() => directory.CreateAsync(viewerId, "again", ApiRole.Viewer, ApiKeyCodec.Hash(viewerKey), adminId));
        await Assert.ThrowsAsync<ArgumentException>(() => directory.CreateAsync("111111111111", " ", ApiRole.Viewer, "ab", adminId));
    }
}
