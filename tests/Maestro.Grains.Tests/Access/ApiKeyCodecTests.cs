using Maestro.Grains.Access;

namespace Maestro.Grains.Tests.Access;

/// <summary>The API key format, its parsing and hashing.</summary>
public sealed class ApiKeyCodecTests
{
    [Fact]
    public void Generated_keys_are_unique_well_formed_and_carry_their_id()
    {
        var (key, keyId) = ApiKeyCodec.Generate();
        var (other, otherId) = ApiKeyCodec.Generate();

        Assert.True(ApiKeyCodec.TryGetKeyId(key, out var parsed));
        Assert.Equal(keyId, parsed);
        Assert.StartsWith($"mk_{keyId}_", key, StringComparison.Ordinal);
        Assert.Equal(3 + 12 + 1 + 43, key.Length);
        Assert.NotEqual(key, other);
        Assert.NotEqual(keyId, otherId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mk_0123456789ab")]
    [InlineData("mk_0123456789ab_short")]
    [InlineData("xx_0123456789ab_abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("mk_0123456789AB_abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("mk_0123456789ab-abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("mk_0123456789ab_abcdefghijklmnopqrstuvwxyz012345678 ")]
    [InlineData("mk_0123456789ab_abcdefghijklmnopqrstuvwxyz0123456789\n")]
    public void Malformed_keys_are_refused(string key)
    {
        Assert.False(ApiKeyCodec.TryGetKeyId(key, out _));
    }

    [Fact]
    public void An_operator_chosen_key_in_the_documented_form_is_accepted()
    {
        Assert.True(ApiKeyCodec.TryGetKeyId("mk_0123456789ab_" + new string('f', 48), out var keyId));
        Assert.Equal("0123456789ab", keyId);
    }

    [Fact]
    public void The_hash_is_the_sha256_of_the_key_and_compares_by_value()
    {
        var hash = ApiKeyCodec.Hash("mk_0123456789ab_" + new string('f', 48));

        Assert.Equal(64, hash.Length);
        Assert.Equal(hash, ApiKeyCodec.Hash("mk_0123456789ab_" + new string('f', 48)));
        Assert.True(ApiKeyCodec.HashesEqual(hash, new string(hash.AsSpan())));
        Assert.False(ApiKeyCodec.HashesEqual(hash, ApiKeyCodec.Hash("mk_0123456789ab_" + new string('e', 48))));
    }
}
