namespace Maestro.Runtime.Gateway;

/// <summary>The answer of <c>GET /_maestro/gateways</c>: the gateway addresses of the Active silos.</summary>
internal sealed record GatewayListResponse(string[] Gateways);
