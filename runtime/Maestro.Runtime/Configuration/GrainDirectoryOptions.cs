namespace Maestro.Runtime.Configuration;

/// <summary>Settings of each silo's cache in front of the cluster's grain directory.</summary>
public sealed class GrainDirectoryOptions
{
    /// <summary>
    /// How many grain locations a silo remembers; past this the least recently used are forgotten and looked up in
    /// the directory again when next called. Default 1,000,000, as Orleans' <c>GrainDirectoryOptions.CacheSize</c>
    /// (about 200 bytes each).
    /// </summary>
    public int CacheSize { get; set; } = 1_000_000;

    /// <summary>Throws with the problem, so a misconfigured silo fails at start-up with the reason.</summary>
    internal void Validate()
    {
        if (CacheSize < 1)
        {
            throw new OptionsValidationException(nameof(GrainDirectoryOptions), typeof(GrainDirectoryOptions), [$"CacheSize must be at least 1; it is {CacheSize}."]);
        }
    }
}
