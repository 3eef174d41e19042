namespace Maestro.GrainInterfaces.Access;

/// <summary>
/// One dashboard sign-in, keyed by the SHA-256 (hex) of its session id, so neither the grain's key nor its stored
/// state can be turned back into a cookie. Its state is persisted, so every silo and every gateway accepts the cookie,
/// and a restarted silo still does. It holds the key's hash (never the key) to ask the key's grain again.
/// </summary>
public interface IDashboardSessionGrain : IGrainWithStringKey
{
    /// <summary>Starts the session for <paramref name="identity"/>, whose key (hashed as <paramref name="keyHash"/>) was just checked.</summary>
    Task StartAsync(ApiKeyIdentity identity, string keyHash, DashboardSessionTerms terms);

    /// <summary>
    /// Who the session is when it is live, its lifetime renewed; the key's grain is asked again when the last check is
    /// older than <see cref="DashboardSessionTerms.KeyRecheckPeriod"/>. Null when unknown, expired, signed out or
    /// its key revoked (an expired or revoked session is deleted).
    /// </summary>
    Task<ApiKeyIdentity?> ResumeAsync(DashboardSessionTerms terms);

    /// <summary>Signs out: deletes the session, so no host accepts its cookie again.</summary>
    Task EndAsync();
}
