using System.Net.Sockets;

namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>TCP ports nothing listens on now, chosen by the operating system.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    /// <summary>
    /// The first of <paramref name="count"/> consecutive free ports, for tools that number their ports from a base
    /// (deploy/cluster.sh gives silo i the base + i - 1); a single free base says nothing about its neighbours.
    /// </summary>
    public static int NextRange(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var first = Next();
            if (first + count - 1 <= IPEndPoint.MaxPort && Enumerable.Range(first + 1, count - 1).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"Found no {count} consecutive free ports on 127.0.0.1.");
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
