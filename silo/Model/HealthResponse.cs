using System.Text.Json.Serialization;

namespace Maestro.Silo.Model;

/// <summary>The answer of <c>GET /health</c>.</summary>
/// <param name="Status"><c>Healthy</c> once the silo has started, <c>Unhealthy</c> before.</param>
/// <param name="Silo">The silo's name.</param>
/// <param name="ServiceId">The service id, part of every storage key.</param>
/// <param name="ClusterId">The cluster this silo belongs to.</param>
/// <param name="StartedAt">When the silo finished starting (UTC); null while it starts.</param>
/// <param name="UptimeSeconds">Seconds since <paramref name="StartedAt"/>.</param>
/// <param name="Activations">Grain activations the silo holds now.</param>
/// <param name="Cluster">In cluster mode, this silo's address and membership status; left out for a silo running alone.</param>
public sealed record HealthResponse(
    string Status,
    string Silo,
    string ServiceId,
    string ClusterId,
    DateTimeOffset? StartedAt,
    double UptimeSeconds,
    int Activations,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ClusterHealth? Cluster = null);
