namespace Maestro.Client;

/// <summary>
/// The gateways a client may use and the order to try them in: the one that worked last, then the others (in a
/// random order per client, so clients spread over the cluster), then those that failed recently, oldest failure
/// first. The live list from the cluster replaces the previous one on every refresh; the configured gateways stay
/// as a last resort, so a client whose every known gateway died can still find a restarted one.
/// </summary>
internal sealed class GatewayList : IGatewayStatus
{
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly TimeSpan retryDelay;
    private readonly List<Uri> configured;
    private readonly Dictionary<Uri, long> failedAt = [];
    private List<Uri> live = [];
    private Uri? current;

    public GatewayList(IOptions<StaticGatewayListProviderOptions> staticGateways, IOptions<GatewayOptions> options, TimeProvider time)
    {
        staticGateways.Value.Validate();
        options.Value.Validate();
        this.time = time;
        retryDelay = options.Value.FailedGatewayRetryDelay;
        configured = Shuffled(staticGateways.Value.Gateways.Select(Normalize));
    }

    public IReadOnlyList<Uri> KnownGateways
    {
        get
        {
            lock (gate)
            {
                return Known();
            }
        }
    }

    public Uri? CurrentGateway
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    /// <summary>Every known gateway, in the order to try them.</summary>
    public IReadOnlyList<Uri> Candidates()
    {
        lock (gate)
        {
            var now = time.GetTimestamp();
            var healthy = new List<Uri>();
            var failed = new List<(Uri Gateway, long At)>();
            foreach (var gateway in Known())
            {
                if (failedAt.TryGetValue(gateway, out var at) && time.GetElapsedTime(at, now) < retryDelay)
                {
                    failed.Add((gateway, at));
                }
                else if (gateway == current)
                {
                    healthy.Insert(0, gateway);
                }
                else
                {
                    healthy.Add(gateway);
                }
            }

            return [.. healthy, .. failed.OrderBy(f => f.At).Select(f => f.Gateway)];
        }
    }

    /// <summary>A call or request through <paramref name="gateway"/> worked: it is tried first from now on.</summary>
    public void Succeeded(Uri gateway)
    {
        lock (gate)
        {
            current = Normalize(gateway);
            failedAt.Remove(current);
        }
    }

    /// <summary><paramref name="gateway"/> could not be reached or broke a call: it goes to the back of the order for a while.</summary>
    public void Failed(Uri gateway)
    {
        lock (gate)
        {
            var failedGateway = Normalize(gateway);
            failedAt[failedGateway] = time.GetTimestamp();
            if (current == failedGateway)
            {
                current = null;
            }
        }
    }

    /// <summary>Replaces the live list with what a gateway just served (the silos the cluster shows Active).</summary>
    public void Replace(IEnumerable<Uri> gateways)
    {
        lock (gate)
        {
            live = Shuffled(gateways.Select(Normalize).Distinct());
            var known = Known();
            foreach (var forgotten in failedAt.Keys.Where(g => !known.Contains(g)).ToList())
            {
                failedAt.Remove(forgotten);
            }
        }
    }

    private List<Uri> Known() => [.. live.Concat(configured).Distinct()];

    private static Uri Normalize(Uri gateway) => new(gateway.GetLeftPart(UriPartial.Authority).ToLowerInvariant() + "/");

    private static List<Uri> Shuffled(IEnumerable<Uri> gateways)
    {
        var list = gateways.ToList();
        Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }
}
