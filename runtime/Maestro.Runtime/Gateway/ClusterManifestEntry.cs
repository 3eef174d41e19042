namespace Maestro.Runtime.Gateway;

/// <summary>One grain class of the cluster under one of its grain interfaces.</summary>
/// <param name="Interface">The interface's wire name: its [Alias], else its full name.</param>
/// <param name="GrainType">The grain type a reference to this class carries.</param>
/// <param name="ClassName">The class's full name, which <c>grainClassNamePrefix</c> matches.</param>
internal sealed record ClusterManifestEntry(string Interface, string GrainType, string ClassName);
