using System.Globalization;

namespace Maestro.Runtime.Cluster;

/// <summary>
/// One incarnation of a silo: the endpoint it listens on and its generation, the start time in Unix milliseconds. A
/// restart at the same endpoint is a new generation and so a new identity, which is what lets the cluster declare the
/// old one dead for good. The text form <c>host:port:generation</c> is the <c>silo_id</c> key in PostgreSQL.
/// </summary>
internal sealed record SiloAddress
{
    public SiloAddress(string host, int port, long generation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(generation);
        Host = host;
        Port = port;
        Generation = generation;
    }

    public string Host { get; }

    public int Port { get; }

    public long Generation { get; }

    /// <summary>An address for a silo starting now: its generation is the current time in Unix milliseconds.</summary>
    public static SiloAddress NewGeneration(string host, int port, TimeProvider? timeProvider = null) =>
        new(host, port, (timeProvider ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>
    /// Parses <c>host:port:generation</c>. The port and generation are taken from the right, so an IPv6 host (which
    /// contains colons itself) round-trips.
    /// </summary>
    public static SiloAddress Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var generationColon = value.LastIndexOf(':');
        var portColon = generationColon > 0 ? value.LastIndexOf(':', generationColon - 1) : -1;
        if (portColon <= 0
            || !int.TryParse(value.AsSpan(portColon + 1, generationColon - portColon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || !long.TryParse(value.AsSpan(generationColon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var generation)
            || port is 0 or > 65535
            || generation == 0)
        {
            throw new FormatException($"'{value}' is not a silo address: expected 'host:port:generation'.");
        }

        return new SiloAddress(value[..portColon], port, generation);
    }

    /// <summary>Whether <paramref name="other"/> listens on the same endpoint, whatever its generation.</summary>
    public bool IsSameEndpoint(SiloAddress other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Port == other.Port && string.Equals(Host, other.Host, StringComparison.Ordinal);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}:{Generation}");
}
