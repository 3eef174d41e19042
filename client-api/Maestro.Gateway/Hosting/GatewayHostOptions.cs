using System.Net;

namespace Maestro.Gateway.Hosting;

/// <summary>The gateway's settings, checked by <see cref="GatewayOptionsLoader"/> (configuration section <c>Maestro</c>).</summary>
public sealed class GatewayHostOptions
{
    public const string SectionName = "Maestro";

    public const int DefaultPort = 8090;

    public const string DefaultListenAddress = "127.0.0.1";

    public const string DefaultClusterGateway = "127.0.0.1:30000";

    /// <summary>The HTTP port of the REST API.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>The address the REST API listens on; loopback unless told otherwise.</summary>
    public IPAddress ListenAddress { get; set; } = IPAddress.Loopback;

    /// <summary>The silos' gateway endpoints the cluster client starts from; it learns the others from the cluster.</summary>
    public IReadOnlyList<Uri> ClusterGateways { get; set; } = [];

    /// <summary>The key the silos' gateways require (<c>Maestro__GatewayClientKey</c> or <c>--client-key-file</c>); null when they require none.</summary>
    public string? GatewayClientKey { get; set; }
}
