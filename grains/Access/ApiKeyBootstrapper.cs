using Maestro.GrainInterfaces.Access;

namespace Maestro.Grains.Access;

/// <summary>
/// Creates the first admin key on a silo's first start. With no initial key given, it makes a random one and
/// returns it so the host can show it once; with one given (automation, tests), it stores that one. Either way only
/// the hash leaves this process, and on later starts nothing is created.
/// </summary>
public sealed class ApiKeyBootstrapper(IGrainFactory grains)
{
    /// <summary>
    /// Ensures the first admin key. Returns the outcome and, only when a key was generated here and stored, that key
    /// (the one and only time it exists in clear).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="initialKey"/> is not a well-formed key.</exception>
    public async Task<(BootstrapOutcome Outcome, string? GeneratedKey)> EnsureInitialAdminAsync(string? initialKey)
    {
        string key;
        string keyId;
        if (initialKey is null)
        {
            (key, keyId) = ApiKeyCodec.Generate();
        }
        else if (ApiKeyCodec.TryGetKeyId(initialKey, out keyId))
        {
            key = initialKey;
        }
        else
        {
            throw new ArgumentException($"The initial API key is malformed: {ApiKeyCodec.FormatDescription}.", nameof(initialKey));
        }

        var outcome = await grains.GetGrain<IApiKeyDirectoryGrain>(IApiKeyDirectoryGrain.Key).BootstrapAsync(keyId, ApiKeyCodec.Hash(key));
        return (outcome, outcome == BootstrapOutcome.Created && initialKey is null ? key : null);
    }
}
