using System.Net.Sockets;

namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>
/// TCP ports nothing listens on now, for the silos and tools the tests start. They are taken below the OS's ephemeral
/// range, where no outgoing connection and no port-0 bind lands on them in the seconds before the silo binds them, and
/// never twice in this process, so tests running side by side cannot pick the same one.
/// </summary>
internal static class FreePort
{
    /// <summary>The lowest port handed out: clear of the well-known and most registered service ports.</summary>
    private const int LowestPort = 20000;

    private static readonly Lock Gate = new();
    private static readonly HashSet<int> HandedOut = [];
    private static readonly int Ceiling = EphemeralRangeStart();

    public static int Next() => NextRange(1);

    /// <summary>
    /// The first of <paramref name="count"/> consecutive free ports, for tools that number their ports from a base
    /// (deploy/cluster.sh gives silo i the base + i - 1); a single free base says nothing about its neighbours.
    /// </summary>
    public static int NextRange(int count)
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 500; attempt++)
            {
                var first = Random.Shared.Next(LowestPort, Ceiling - count + 1);
                var ports = Enumerable.Range(first, count).ToArray();
                if (ports.All(p => !HandedOut.Contains(p) && IsFree(p)))
                {
                    HandedOut.UnionWith(ports);
                    return first;
                }
            }
        }

        throw new InvalidOperationException($"Found no {count} consecutive free ports on 127.0.0.1 between {LowestPort} and {Ceiling}.");
    }

    /// <summary>The first port the OS hands out by itself (Linux: ip_local_port_range; 32768 where it cannot be read).</summary>
    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        try
        {
            var first = File.ReadAllText(range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0];
            return int.TryParse(first, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port > LowestPort + 1000
                ? port
                : 32768;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 32768;
        }
    }

    private static bool IsFree(int port)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
