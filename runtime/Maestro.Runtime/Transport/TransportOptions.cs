using System.Net;

namespace Maestro.Runtime.Transport;

/// <summary>Silo-to-silo and gateway transport settings (HTTP/2 cleartext between silos on a private network).</summary>
public sealed class TransportOptions
{
    /// <summary>The shortest cluster secret accepted, so a guessable placeholder fails at start-up instead of in production.</summary>
    public const int MinimumSecretLength = 16;

    /// <summary>The address the silo endpoint listens on. Default 127.0.0.1; set the silo's private address in a real cluster.</summary>
    public IPAddress ListenAddress { get; set; } = IPAddress.Loopback;

    /// <summary>The port other silos call. Default 11111, as in Orleans; 0 lets the OS choose (tests).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port clients call. Default 30000, as in Orleans; 0 lets the OS choose (tests).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The largest request or response body, in bytes; larger ones are refused, never buffered. Default 4 MiB.</summary>
    public int MaxMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The shared secret every silo-to-silo request carries. Required in cluster mode (the transport refuses to start
    /// without one, of at least <see cref="MinimumSecretLength"/> characters); keep it out of source control.
    /// </summary>
    public string? ClusterSecret { get; set; }

    /// <summary>
    /// An optional key every client must send to the gateway port (header <c>X-Maestro-Client-Key</c>, compared in
    /// constant time like the cluster secret), at least <see cref="MinimumSecretLength"/> characters. Null (the
    /// default): the gateway trusts its network, as Orleans' does; keep it on loopback or a private network then.
    /// </summary>
    public string? GatewayClientKey { get; set; }

    /// <summary>How long a client waits to open a connection to a peer before the call fails as unreachable. Default 5 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws with every problem at once, so a misconfigured silo fails at start-up with the reason.</summary>
    /// <param name="requireClusterSecret">False for the gateway of a silo running alone, which has no silo-to-silo traffic.</param>
    internal void Validate(bool requireClusterSecret = true)
    {
        var problems = new List<string>();
        if (SiloPort is < 0 or > 65535)
        {
            problems.Add($"SiloPort {SiloPort} is not a port (0-65535).");
        }

        if (GatewayPort is < 0 or > 65535)
        {
            problems.Add($"GatewayPort {GatewayPort} is not a port (0-65535).");
        }

        if (MaxMessageSize <= 0)
        {
            problems.Add($"MaxMessageSize must be positive; it is {MaxMessageSize}.");
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            problems.Add($"ConnectTimeout must be positive; it is {ConnectTimeout}.");
        }

        if (GatewayClientKey is not null && (string.IsNullOrWhiteSpace(GatewayClientKey) || GatewayClientKey.Length < MinimumSecretLength))
        {
            problems.Add($"GatewayClientKey, when set, must have at least {MinimumSecretLength} characters.");
        }

        if (requireClusterSecret && (string.IsNullOrWhiteSpace(ClusterSecret) || ClusterSecret.Length < MinimumSecretLength))
        {
            problems.Add($"ClusterSecret is required in cluster mode and must have at least {MinimumSecretLength} characters.");
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(TransportOptions), typeof(TransportOptions), problems);
        }
    }
}
