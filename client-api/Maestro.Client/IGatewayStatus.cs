namespace Maestro.Client;

/// <summary>What the client knows about gateways now, for diagnostics (resolve it from the client's services).</summary>
public interface IGatewayStatus
{
    /// <summary>The gateways the client may use: the live list from its last refresh, then the configured ones.</summary>
    IReadOnlyList<Uri> KnownGateways { get; }

    /// <summary>The gateway the last successful call went through; null before the first and after it failed.</summary>
    Uri? CurrentGateway { get; }
}
