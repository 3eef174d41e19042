using Maestro.GrainInterfaces.Access;

namespace Maestro.Silo.Dashboard;

/// <summary>A signed-in browser: whose key it signed in with (the key's hash, never the key), and until when.</summary>
/// <param name="Identity">The key's id, name and role when it was last checked.</param>
/// <param name="KeyHash">The SHA-256 of the key, to ask the key's grain again whether it is still valid.</param>
/// <param name="ExpiresAt">When the session ends unless used again.</param>
/// <param name="CheckedAt">When the key was last confirmed by its grain.</param>
public sealed record DashboardSession(ApiKeyIdentity Identity, string KeyHash, DateTimeOffset ExpiresAt, DateTimeOffset CheckedAt);
