using Maestro.Client;
using Maestro.Gateway.Model;

namespace Maestro.Gateway.Apis;

/// <summary>
/// <c>GET /health</c> of the gateway, without credentials: the gateway is healthy while it can reach the cluster, so it
/// asks the management grain for the Active silos (bounded by <see cref="ProbeTimeout"/>) on every probe.
/// </summary>
public static class GatewayHealthApi
{
    public const string Healthy = "Healthy";

    public const string Unhealthy = "Unhealthy";

    /// <summary>How long the probe waits for the cluster: a health check must answer well before a call's 30 s deadline.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapGatewayHealthApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/health").WithTags("Health").AllowAnonymous()
            .MapGet(string.Empty, GetHealthAsync)
            .WithName("GetHealth")
            .WithSummary("Whether this gateway reaches the cluster")
            .WithDescription("200 with status Healthy when the cluster answered through a silo gateway (with the Active silos), 503 with status Unhealthy and the reason otherwise.")
            .Produces<GatewayHealthResponse>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<Results<Ok<GatewayHealthResponse>, JsonHttpResult<GatewayHealthResponse>>> GetHealthAsync(
        IClusterClient client, IGatewayStatus gateways, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(gateways);
        IReadOnlyList<string> active;
        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(ProbeTimeout, cancellationToken);
            active = [.. hosts.Keys.Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            return TypedResults.Json(Describe(Unhealthy, gateways, [], ex.Message), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok(Describe(Healthy, gateways, active, null));
    }

    private static GatewayHealthResponse Describe(string status, IGatewayStatus gateways, IReadOnlyList<string> active, string? detail) =>
        new(status, gateways.CurrentGateway?.ToString(), [.. gateways.KnownGateways.Select(g => g.ToString())], active, detail);
}
