namespace Maestro.GrainInterfaces.Access;

/// <summary>An API key without its secret: what listing keys shows.</summary>
/// <param name="KeyId">The public part of the key (<c>mk_&lt;id&gt;_...</c>).</param>
/// <param name="Name">A label chosen by whoever created it.</param>
/// <param name="Role">What the key may do.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="CreatedBy">The key id that created it, or "bootstrap" for the first admin key.</param>
/// <param name="RevokedAt">When it was revoked; null while it is valid.</param>
public sealed record ApiKeySummary(string KeyId, string Name, ApiRole Role, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);
