namespace Maestro.Runtime.Gateway;

/// <summary>The answer of <c>GET /_maestro/manifest</c>: which grain types implement which grain interfaces.</summary>
internal sealed record ClusterManifestResponse(ClusterManifestEntry[] Entries);
