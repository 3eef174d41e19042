namespace Maestro.Runtime.Hosting;

/// <summary>
/// A read-only view of this silo for its host: health probes, logs, dashboards. Resolve it from the silo's services.
/// </summary>
public interface ISiloStatus
{
    /// <summary>This silo's name, as <see cref="Configuration.SiloOptions.SiloName"/>.</summary>
    string SiloName { get; }

    /// <summary>When the silo finished starting (storage ready, grains may run); null until then.</summary>
    DateTimeOffset? StartedAt { get; }

    /// <summary>The activations this silo holds now, stateless workers included.</summary>
    int ActivationCount { get; }
}
