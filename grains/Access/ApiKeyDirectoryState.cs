using Maestro.GrainInterfaces.Access;

namespace Maestro.Grains.Access;

/// <summary>The persistent state of the <see cref="ApiKeyDirectoryGrain"/>.</summary>
public sealed class ApiKeyDirectoryState
{
    public List<ApiKeySummary> Keys { get; set; } = [];

    /// <summary>True once the first admin key exists; it is never created again, even if every key is revoked.</summary>
    public bool Bootstrapped { get; set; }
}
