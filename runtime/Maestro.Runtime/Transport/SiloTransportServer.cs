namespace Maestro.Runtime.Transport;

/// <summary>
/// A silo's endpoint for other silos, on <see cref="TransportOptions.SiloPort"/>: every request must carry the
/// cluster secret, and calls go to this silo's catalog (the caller already chose this silo).
/// </summary>
internal sealed class SiloTransportServer(IOptions<TransportOptions> options, IWireRequestHandler handler, ILogger<SiloTransportServer> logger)
    : WireEndpointServer(Settings(options.Value), handler, logger)
{
    private static WireEndpointSettings Settings(TransportOptions options)
    {
        options.Validate();
        return new WireEndpointSettings(
            "Silo transport", options.ListenAddress, options.SiloPort, options.MaxMessageSize, ClusterSecret.HeaderName, new ClusterSecret(options.ClusterSecret!));
    }
}
