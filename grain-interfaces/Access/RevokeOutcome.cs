namespace Maestro.GrainInterfaces.Access;

/// <summary>The result of revoking a key.</summary>
public enum RevokeOutcome
{
    Revoked,
    NotFound,
    AlreadyRevoked,

    /// <summary>Refused: it is the last valid admin key, and revoking it would lock every admin out.</summary>
    LastAdmin,
}
