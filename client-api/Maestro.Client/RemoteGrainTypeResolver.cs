using Maestro.Runtime.Gateway;
using Maestro.Runtime.Messaging.Wire;
using Maestro.Runtime.Metadata;

namespace Maestro.Client;

/// <summary>
/// Resolves grain interfaces to grain types from the manifest a gateway served, with the silo's rules: one class
/// implementing the interface, or the one whose full name starts with <c>grainClassNamePrefix</c>.
/// </summary>
internal sealed class RemoteGrainTypeResolver : IGrainTypeResolver
{
    private volatile ILookup<string, ClusterManifestEntry>? entries;

    public void Update(ClusterManifestResponse manifest) =>
        entries = (manifest.Entries ?? []).ToLookup(e => e.Interface, StringComparer.Ordinal);

    public GrainType Resolve(Type grainInterface, string? grainClassNamePrefix)
    {
        var known = entries ?? throw new InvalidOperationException(
            "The cluster client is not connected yet: start the host (or use ConnectedClusterClient.ConnectAsync) before calling GetGrain.");
        var name = WireTypes.InterfaceName(grainInterface);
        var candidates = known[name]
            .Where(e => grainClassNamePrefix is null || e.ClassName.StartsWith(grainClassNamePrefix, StringComparison.Ordinal))
            .DistinctBy(e => e.GrainType)
            .ToList();
        return candidates.Count switch
        {
            1 => new GrainType(candidates[0].GrainType),
            0 => throw new ArgumentException(
                $"No grain class in the cluster implements {grainInterface.FullName}" + (grainClassNamePrefix is null ? "." : $" with a name starting '{grainClassNamePrefix}'.") +
                " Do the silos host the assembly that holds it?"),
            _ => throw new ArgumentException(
                $"Several grain classes in the cluster implement {grainInterface.FullName} ({string.Join(", ", candidates.Select(c => c.ClassName))}); " +
                "pass grainClassNamePrefix to GetGrain to choose one."),
        };
    }
}
