using System.Net;

namespace Maestro.Runtime.Transport;

/// <summary>Where a <see cref="WireEndpointServer"/> listens and whom it lets in.</summary>
/// <param name="Name">How logs name the endpoint, e.g. <c>Silo transport</c>.</param>
/// <param name="ListenAddress">The address to bind.</param>
/// <param name="Port">The port to bind; 0 lets the OS choose.</param>
/// <param name="MaxMessageSize">The largest request body accepted, in bytes.</param>
/// <param name="CredentialHeader">The header that must carry the credential.</param>
/// <param name="Credential">The expected credential; null lets every caller in (an endpoint protected by its network).</param>
internal sealed record WireEndpointSettings(
    string Name,
    IPAddress ListenAddress,
    int Port,
    int MaxMessageSize,
    string CredentialHeader,
    ClusterSecret? Credential);
