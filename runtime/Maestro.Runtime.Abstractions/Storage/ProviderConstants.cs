namespace Maestro.Runtime;

/// <summary>Well-known provider names.</summary>
public static class ProviderConstants
{
    /// <summary>The storage used by <see cref="PersistentStateAttribute"/> when no storage name is given.</summary>
    public const string DefaultStorageProviderName = "Default";
}
