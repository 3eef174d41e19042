using Maestro.GrainInterfaces.Access;

namespace Maestro.Grains.Access;

/// <summary>The persistent state of a <see cref="DashboardSessionGrain"/>; <see cref="Identity"/> is null when there is no session.</summary>
public sealed class DashboardSessionState
{
    /// <summary>The key's id, name and role when it was last checked.</summary>
    public ApiKeyIdentity? Identity { get; set; }

    /// <summary>The SHA-256 of the key, to ask the key's grain again.</summary>
    public string? KeyHash { get; set; }

    /// <summary>When the session ends unless used again (as last written; renewals are written at most every <see cref="DashboardSessionGrain.RenewalWriteInterval"/>).</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the key's grain last confirmed the key.</summary>
    public DateTimeOffset CheckedAt { get; set; }
}
