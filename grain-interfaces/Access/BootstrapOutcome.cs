namespace Maestro.GrainInterfaces.Access;

/// <summary>What happened to the first admin key at start-up.</summary>
public enum BootstrapOutcome
{
    /// <summary>The key store was empty; the key was created.</summary>
    Created,

    /// <summary>Keys already existed and this key is one of them (a restart with the same initial key).</summary>
    AlreadyPresent,

    /// <summary>Keys already existed and this key is not one of them; it was not added.</summary>
    Ignored,
}
