using Maestro.Runtime.Configuration;
using Maestro.Runtime.Activation;
using Maestro.Runtime.Messaging;
using Maestro.Runtime.Placement;

namespace Maestro.Runtime.Cluster;

/// <summary>
/// Finds and claims grain activations in a cluster: a per-silo cache in front of the strongly consistent
/// <see cref="IGrainDirectory"/>, placement among Active silos on a miss (by the grain class's <see cref="PlacementAttribute"/>), and the directory side of an
/// activation's life (register before creating, unregister on the way out). The cache is bounded (least recently used
/// entries go first, <see cref="GrainDirectoryOptions.CacheSize"/>). Entries that point at silos the
/// membership view shows Dead are dropped, from the cache at once and from the directory by the death sweep.
/// </summary>
internal sealed class GrainLocator : IActivationRegistrar
{
    private readonly GrainLocationCache cache;
    private readonly IGrainDirectory directory;
    private readonly ClusterView view;
    private readonly PlacementDirectors placement;
    private readonly IServiceProvider services;
    private readonly ILogger<GrainLocator> logger;

    public GrainLocator(
        IGrainDirectory directory,
        ClusterView view,
        PlacementDirectors placement,
        IOptions<GrainDirectoryOptions> options,
        IServiceProvider services,
        ILogger<GrainLocator> logger)
    {
        options.Value.Validate();
        cache = new GrainLocationCache(options.Value.CacheSize);
        this.directory = directory;
        this.view = view;
        this.placement = placement;
        this.services = services;
        this.logger = logger;
        view.SilosDied += OnSilosDied;
    }

    /// <summary>The cached entry of <paramref name="grainId"/>, unless it points at a silo the view shows Dead.</summary>
    public bool TryGetCached(GrainId grainId, out GrainAddress address)
    {
        if (cache.TryGet(grainId, out address))
        {
            if (!view.IsDead(address.SiloAddress))
            {
                return true;
            }

            cache.Remove(grainId, address);
        }

        return false;
    }

    /// <summary>
    /// Where to send a call to <paramref name="grainId"/>: the silo in the directory, or (when nobody hosts it) a
    /// placement among the Active silos. Only directory entries are cached; a placement is not yet a fact.
    /// </summary>
    public async Task<SiloAddress> LocateAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        if (TryGetCached(grainId, out var cached))
        {
            return cached.SiloAddress;
        }

        if (await directory.LookupAsync(grainId, cancellationToken) is { } found && !view.IsDead(found.SiloAddress))
        {
            cache.Set(found);
            return found.SiloAddress;
        }

        return Place(grainId);
    }

    /// <summary>Forgets <paramref name="grainId"/>'s entry when it points at <paramref name="silo"/>, after a call there failed.</summary>
    public void Invalidate(GrainId grainId, SiloAddress silo)
    {
        if (cache.TryGet(grainId, out var entry) && entry.SiloAddress == silo)
        {
            cache.Remove(grainId, entry);
        }
    }

    public async Task<GrainAddress?> RegisterAsync(ActivationData activation, CancellationToken cancellationToken)
    {
        var local = view.RequireLocal();
        if (!view.IsAccepting)
        {
            throw new SiloUnavailableException($"Silo {local} is not accepting new activations (call to {activation.GrainId}). Retry against a running silo.");
        }

        var mine = new GrainAddress(activation.GrainId, local, activation.ActivationId, view.Version);
        var winner = await directory.RegisterAsync(mine, cancellationToken);
        if (winner.ActivationId != mine.ActivationId && winner.SiloAddress == local && !Hosts(winner))
        {
            // The entry is a previous activation of this very silo whose unregister failed; nobody else can remove it
            // (this silo is alive), so remove it here and claim the grain again.
            logger.LogInformation("Replacing the stale directory entry {Stale} of {Grain} left by an earlier activation on this silo.", winner.ActivationId, winner.GrainId);
            await directory.UnregisterAsync(winner, cancellationToken);
            winner = await directory.RegisterAsync(mine, cancellationToken);
        }

        cache.Set(winner);
        return winner.ActivationId == mine.ActivationId ? null : winner;
    }

    public async Task UnregisterAsync(ActivationData activation)
    {
        var local = view.LocalAddress;
        if (local is null)
        {
            return;
        }

        var mine = new GrainAddress(activation.GrainId, local, activation.ActivationId, view.Version);
        if (cache.TryGet(activation.GrainId, out var cached) && cached.ActivationId == activation.ActivationId)
        {
            cache.Remove(activation.GrainId, cached);
        }

        try
        {
            await directory.UnregisterAsync(mine, CancellationToken.None);
        }
        catch (OrleansException ex)
        {
            // The activation is gone either way. Its entry stays until this silo dies or re-registers the grain, which
            // replaces an entry of its own that it does not host (see RegisterAsync).
            logger.LogWarning(ex, "Could not remove the directory entry of {Activation}.", activation);
        }
    }

    public void Forward(ActivationWorkItem item, GrainAddress winner)
    {
        if (item is Message message)
        {
            services.GetRequiredService<ClusterMessageRouter>().SendTo(message, winner.SiloAddress);
        }
        else
        {
            item.Fail(new OrleansException($"{winner.GrainId} is active on {winner.SiloAddress}; this work cannot be forwarded there."));
        }
    }

    private bool Hosts(GrainAddress address) =>
        services.GetRequiredService<GrainRuntime>().Catalog.Activations.Any(a => a.ActivationId == address.ActivationId);

    /// <summary>
    /// Where a new activation of <paramref name="grainId"/> goes: the director of its class's strategy chooses among the
    /// Active silos (this one only while it accepts work).
    /// </summary>
    public SiloAddress Place(GrainId grainId)
    {
        var local = view.RequireLocal();
        var accepting = view.IsAccepting;
        var active = view.ActiveSilos;
        var candidates = accepting ? active : [.. active.Where(s => s != local)];
        if (candidates.Count == 0)
        {
            // Before the first snapshot this silo is the only place it knows; a stopping silo has nowhere to go.
            return accepting ? local : throw new SiloUnavailableException($"Silo {local} is stopping and knows no other Active silo to place a grain on.");
        }

        var strategy = services.GetRequiredService<GrainRuntime>().Manifest.GetClass(grainId.Type).Placement;
        var localCandidate = accepting && candidates.Contains(local) ? local : null;
        return placement.For(strategy).Place(grainId, candidates, localCandidate);
    }

    private void OnSilosDied(IReadOnlyCollection<SiloAddress> dead) => cache.RemoveWhere(address => dead.Contains(address.SiloAddress));
}
