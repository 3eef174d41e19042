namespace Maestro.Runtime.Cluster;

/// <summary>
/// This silo's view of the cluster: its own address once joined, the newest membership snapshot it has read, and
/// whether it may still take work. Routing reads it on every cluster call, so reads are lock-free snapshots.
/// </summary>
internal sealed class ClusterView
{
    private readonly object gate = new();
    private volatile MembershipSnapshot snapshot = new(0, []);
    private volatile SiloAddress[] active = [];
    private volatile SiloAddress? local;
    private volatile bool accepting;
    private volatile bool declaredDead;

    // Environment.TickCount64 values; 0 means none. See IsLeaseExpired and HasHeldLeaseFor.
    private long leaseValidUntil;
    private long renewedSince;

    // Loads change on every heartbeat without a version bump, so they are kept apart from the versioned snapshot.
    private volatile Dictionary<SiloAddress, int> activationCounts = [];
    private long loadStamp;

    /// <summary>Raised after a newer snapshot replaced the old one, with the silos it shows Dead.</summary>
    public event Action<IReadOnlyCollection<SiloAddress>>? SilosDied;

    /// <summary>This silo's address; null until it has joined.</summary>
    public SiloAddress? LocalAddress => local;

    /// <summary>False before the join finished and once the silo was declared dead or stopped: it must not take new work.</summary>
    public bool IsAccepting => accepting;

    /// <summary>True once the membership table said this silo is Dead: it must neither take nor send work any more.</summary>
    public bool IsDeclaredDead => declaredDead;

    /// <summary>
    /// True once this silo has gone a whole lease without a renewal, counted by its own clock from when its last
    /// successful renewal was sent (never later than the database stamped it). The cluster may declare it dead from
    /// one grace period after that, so it serves and sends nothing until a renewal succeeds; a silo cut off from the
    /// membership table thereby stops before its grains are given away, instead of answering from stale state.
    /// </summary>
    public bool IsLeaseExpired
    {
        get
        {
            var until = Interlocked.Read(ref leaseValidUntil);
            return until != 0 && Environment.TickCount64 > until;
        }
    }

    public long Version => snapshot.Version;

    /// <summary>Every row of the newest snapshot read (for the gateway list and management), dead silos included.</summary>
    public IReadOnlyList<SiloEntry> Silos => snapshot.Silos;

    /// <summary>The silos the view shows Active, this one included while it is.</summary>
    public IReadOnlyList<SiloAddress> ActiveSilos => active;

    /// <summary>Advances each time <see cref="UpdateLoads"/> stores newer counts; placement resets its own estimates then.</summary>
    public long LoadStamp => Interlocked.Read(ref loadStamp);

    /// <summary>The activation count <paramref name="silo"/> published with its last heartbeat that this view has read; 0 when unknown.</summary>
    public int GetActivationCount(SiloAddress silo) => activationCounts.TryGetValue(silo, out var count) ? count : 0;

    /// <summary>Keeps the activation counts of <paramref name="read"/>, whatever its version: counts are newest-read-wins.</summary>
    public void UpdateLoads(MembershipSnapshot read)
    {
        var counts = new Dictionary<SiloAddress, int>(read.Silos.Count);
        foreach (var silo in read.Silos)
        {
            counts[silo.Address] = silo.ActivationCount;
        }

        activationCounts = counts;
        Interlocked.Increment(ref loadStamp);
    }

    public SiloAddress RequireLocal() =>
        local ?? throw new SiloUnavailableException("This silo has not joined the cluster yet; it cannot route grain calls.");

    public void SetLocal(SiloAddress address) => local = address;

    public void SetAccepting(bool value) => accepting = value;

    /// <summary>Records a renewal sent at <paramref name="sentAt"/> (<see cref="Environment.TickCount64"/>) that the table accepted.</summary>
    public void LeaseRenewed(long sentAt, TimeSpan leaseDuration)
    {
        Interlocked.Exchange(ref leaseValidUntil, sentAt + (long)leaseDuration.TotalMilliseconds);
        Interlocked.CompareExchange(ref renewedSince, sentAt, 0);
    }

    /// <summary>A renewal failed: the lease is no longer known to have been held without a gap.</summary>
    public void LeaseRenewalFailed() => Interlocked.Exchange(ref renewedSince, 0);

    /// <summary>
    /// True when every renewal for at least <paramref name="span"/> succeeded. After the membership table was
    /// unreachable every silo's lease looks expired; a silo that has held its own lease for a whole lease period since
    /// has given the others the same chance to renew, so only then may it declare anyone dead.
    /// </summary>
    public bool HasHeldLeaseFor(TimeSpan span)
    {
        var since = Interlocked.Read(ref renewedSince);
        return since != 0 && Environment.TickCount64 - since >= (long)span.TotalMilliseconds;
    }

    /// <summary>Why this silo must neither serve nor send <paramref name="target"/>'s call now, or null when it may.</summary>
    public SiloUnavailableException? Refusal(GrainId target)
    {
        if (declaredDead)
        {
            // Its grains now live elsewhere: serving or sending could reach a duplicate or a stale cache entry.
            return new SiloUnavailableException(
                $"Silo {local} was declared dead by the cluster and serves no more calls (call to {target}). Use a running silo.");
        }

        return IsLeaseExpired
            ? new SiloUnavailableException(
                $"Silo {local} could not renew its membership lease in time, so it serves no calls until it can (call to {target}). Retry, or use another silo.")
            : null;
    }

    /// <summary>Final: the cluster has given this silo's grains away.</summary>
    public void MarkDeclaredDead()
    {
        declaredDead = true;
        accepting = false;
    }

    /// <summary>True when the view shows <paramref name="silo"/> Dead or does not know it (its row is gone).</summary>
    public bool IsDead(SiloAddress silo)
    {
        var current = snapshot;
        if (current.Version == 0)
        {
            // Nothing read yet: no evidence that anyone is dead.
            return false;
        }

        foreach (var entry in current.Silos)
        {
            if (entry.Address == silo)
            {
                return entry.Status == SiloStatus.Dead;
            }
        }

        // A silo joined after our snapshot: nothing says it is dead. (The directory's own liveness check covers rows that are gone.)
        return false;
    }

    /// <summary>Keeps <paramref name="next"/> when it is newer than what the view holds; older snapshots are ignored.</summary>
    /// <returns>True when <paramref name="next"/> was kept (its activation counts with it).</returns>
    public bool Update(MembershipSnapshot next)
    {
        SiloAddress[] dead;
        lock (gate)
        {
            if (next.Version <= snapshot.Version && snapshot.Version != 0)
            {
                return false;
            }

            snapshot = next;
            active = [.. next.Silos.Where(s => s.Status == SiloStatus.Active).Select(s => s.Address)];
            dead = [.. next.Silos.Where(s => s.Status == SiloStatus.Dead).Select(s => s.Address)];
        }

        UpdateLoads(next);
        if (dead.Length > 0)
        {
            SilosDied?.Invoke(dead);
        }

        return true;
    }
}
