namespace Maestro.Runtime.Cluster;

/// <summary>
/// Where each grain's single activation lives, shared by the whole cluster and strongly consistent: of concurrent
/// registrations of one grain exactly one wins and all of them are told the same winner. An entry that points at a
/// dead silo does not count: lookups ignore it and the next registration replaces it.
/// </summary>
internal interface IGrainDirectory
{
    /// <summary>Prepares the storage (schema). Safe to call from many silos at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Registers <paramref name="address"/> unless a live entry exists. Returns the entry that is in the directory
    /// afterwards: the caller won when its <see cref="GrainAddress.ActivationId"/> is its own.
    /// </summary>
    Task<GrainAddress> RegisterAsync(GrainAddress address, CancellationToken cancellationToken);

    /// <summary>Removes the entry of <paramref name="address"/>'s grain only if it is that activation's; returns whether it did.</summary>
    Task<bool> UnregisterAsync(GrainAddress address, CancellationToken cancellationToken);

    /// <summary>The live entry of <paramref name="grainId"/>, or null when there is none or it points at a dead silo.</summary>
    Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken);
}
