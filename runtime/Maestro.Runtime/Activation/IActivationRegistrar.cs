using Maestro.Runtime.Cluster;

namespace Maestro.Runtime.Activation;

/// <summary>
/// Cluster hooks into an activation's life: registering in the grain directory before the grain is created (first
/// writer wins), handing a losing activation's queued work to the winner, and unregistering on the way out. A single
/// silo has none, and its activations skip all of this.
/// </summary>
internal interface IActivationRegistrar
{
    /// <summary>
    /// Registers <paramref name="activation"/>. Returns null when it is now the grain's activation, or the entry of the
    /// activation that won instead.
    /// </summary>
    Task<GrainAddress?> RegisterAsync(ActivationData activation, CancellationToken cancellationToken);

    /// <summary>Removes <paramref name="activation"/>'s entry if it still holds it.</summary>
    Task UnregisterAsync(ActivationData activation);

    /// <summary>Sends work that reached a losing activation to the winner, <paramref name="winner"/>.</summary>
    void Forward(ActivationWorkItem item, GrainAddress winner);
}
