namespace Maestro.GrainInterfaces.Access;

/// <summary>
/// One API key, keyed by its key id. It holds only the SHA-256 hash of the key, never the key; authentication
/// compares hashes in constant time.
/// </summary>
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Stores the key; false if a key with this id exists already.</summary>
    Task<bool> CreateAsync(ApiKeySummary summary, string sha256Hex);

    /// <summary>Who the key is, when <paramref name="sha256Hex"/> matches and the key is not revoked; otherwise null.</summary>
    [ReadOnly]
    Task<ApiKeyIdentity?> AuthenticateAsync(string sha256Hex);

    Task<bool> RevokeAsync(DateTimeOffset at);
}
