namespace Maestro.Runtime.Configuration;

/// <summary>Idle collection and activation lifecycle limits; defaults mirror Orleans.</summary>
public sealed class GrainCollectionOptions
{
    /// <summary>An activation with no incoming work for this long is deactivated. Default 15 min.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the collector looks for idle activations. Default 1 min.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Per grain class (full type name) overrides of <see cref="CollectionAge"/>.</summary>
    public Dictionary<string, TimeSpan> ClassSpecificCollectionAge { get; } = new(StringComparer.Ordinal);

    /// <summary>Longest time <c>OnActivateAsync</c> (with state loading) may take before the activation fails. Default 30 s.</summary>
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest time <c>OnDeactivateAsync</c> may take before the runtime stops waiting for it. Default 30 s.</summary>
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
