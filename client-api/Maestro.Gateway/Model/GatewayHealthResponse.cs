namespace Maestro.Gateway.Model;

/// <summary>The answer of the gateway's <c>GET /health</c>.</summary>
/// <param name="Status"><c>Healthy</c> when a call through the cluster answered, <c>Unhealthy</c> otherwise.</param>
/// <param name="CurrentGateway">The silo gateway the last successful call went through, if any.</param>
/// <param name="KnownGateways">The silo gateways the client may use: the live list from the cluster, then the configured ones.</param>
/// <param name="ActiveSilos">The Active silos the cluster reported, by address; empty when it could not be asked.</param>
/// <param name="Detail">Why the gateway is unhealthy; null when healthy.</param>
public sealed record GatewayHealthResponse(
    string Status,
    string? CurrentGateway,
    IReadOnlyList<string> KnownGateways,
    IReadOnlyList<string> ActiveSilos,
    string? Detail);
