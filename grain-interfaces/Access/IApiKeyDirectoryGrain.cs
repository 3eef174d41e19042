namespace Maestro.GrainInterfaces.Access;

/// <summary>The list of every API key (one grain, key <see cref="Key"/>): creation, listing and revocation go through it.</summary>
public interface IApiKeyDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "keys";

    /// <summary>The name of the first admin key.</summary>
    public const string BootstrapKeyName = "initial-admin";

    /// <summary>Creates a key from its id and hash (the caller made the key and shows it once).</summary>
    Task<ApiKeySummary> CreateAsync(string keyId, string name, ApiRole role, string sha256Hex, string createdBy);

    Task<IReadOnlyList<ApiKeySummary>> ListAsync();

    Task<RevokeOutcome> RevokeAsync(string keyId);

    /// <summary>Creates the first admin key if no key was ever created.</summary>
    Task<BootstrapOutcome> BootstrapAsync(string keyId, string sha256Hex);
}
