using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Maestro.GrainInterfaces.Access;
using Microsoft.AspNetCore.WebUtilities;

namespace Maestro.Silo.Dashboard;

/// <summary>
/// The dashboard's sign-ins on this silo, by opaque session id (256 random bits, sent only in an HttpOnly,
/// SameSite=Strict cookie). Only the id's SHA-256 is held, so a memory dump does not hand out sessions. Sessions live
/// in memory: a restarted silo, or another silo behind a load balancer, asks the user to sign in again. An opaque id
/// rather than a data-protection cookie, so no key ring has to be written and shared between silos.
/// </summary>
public sealed class DashboardSessions(IOptions<DashboardOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, DashboardSession> sessions = new(StringComparer.Ordinal);

    public int Count => sessions.Count;

    /// <summary>Starts a session for a key that was just checked; returns the id for the cookie.</summary>
    public string Create(ApiKeyIdentity identity, string keyHash)
    {
        ArgumentNullException.ThrowIfNull(identity);
        RemoveExpired();
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = timeProvider.GetUtcNow();
        sessions[Hash(id)] = new DashboardSession(identity, keyHash, now + options.Value.SessionLifetime, now);
        return id;
    }

    /// <summary>The live session with this id, its lifetime renewed; null when unknown or expired.</summary>
    public DashboardSession? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var key = Hash(id);
        if (!sessions.TryGetValue(key, out var session))
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        if (session.ExpiresAt <= now)
        {
            sessions.TryRemove(key, out _);
            return null;
        }

        var renewed = session with { ExpiresAt = now + options.Value.SessionLifetime };
        sessions.TryUpdate(key, renewed, session);
        return renewed;
    }

    /// <summary>Records that the key's grain confirmed the key again, possibly with a changed name or role.</summary>
    public void Confirm(string id, ApiKeyIdentity identity)
    {
        var key = Hash(id);
        if (sessions.TryGetValue(key, out var session))
        {
            sessions.TryUpdate(key, session with { Identity = identity, CheckedAt = timeProvider.GetUtcNow() }, session);
        }
    }

    public void Remove(string id) => sessions.TryRemove(Hash(id), out _);

    private static string Hash(string id) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private void RemoveExpired()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var (key, session) in sessions)
        {
            if (session.ExpiresAt <= now)
            {
                sessions.TryRemove(key, out _);
            }
        }
    }
}
