using System.Security.Cryptography;
using System.Text;
using Maestro.GrainInterfaces.Access;
using Microsoft.AspNetCore.WebUtilities;

namespace Maestro.Dashboard;

/// <summary>
/// The dashboard's sign-ins, by opaque session id (256 random bits, sent only in an HttpOnly, SameSite=Strict cookie).
/// Each session is an <see cref="IDashboardSessionGrain"/> keyed by the id's SHA-256, with persisted state, so any
/// silo or gateway accepts a cookie another one issued, a restarted silo still does, and signing out on one ends it
/// on all. Only the hash leaves this class: neither the grain's key nor its stored state can be replayed as a cookie.
/// An opaque id rather than a data-protection cookie, so no key ring has to be written and shared between hosts.
/// </summary>
public sealed class DashboardSessions(IGrainFactory grains, IOptions<DashboardOptions> options)
{
    private readonly DashboardSessionTerms terms = new(options.Value.SessionLifetime, options.Value.KeyRecheckPeriod);

    /// <summary>Starts a session for a key that was just checked; returns the id for the cookie.</summary>
    public async Task<string> CreateAsync(ApiKeyIdentity identity, string keyHash)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await Session(id).StartAsync(identity, keyHash, terms);
        return id;
    }

    /// <summary>Who the live session with this id is, its lifetime renewed and its key re-checked when due; null when it has ended.</summary>
    public Task<ApiKeyIdentity?> ResumeAsync(string id) => Session(id).ResumeAsync(terms);

    /// <summary>Ends the session on every host.</summary>
    public Task EndAsync(string id) => Session(id).EndAsync();

    private IDashboardSessionGrain Session(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return grains.GetGrain<IDashboardSessionGrain>(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id))));
    }
}
