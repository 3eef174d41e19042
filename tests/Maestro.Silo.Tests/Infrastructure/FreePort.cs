using System.Net.Sockets;

namespace Maestro.Silo.Tests.Infrastructure;

/// <summary>A TCP port nothing listens on now, chosen by the operating system.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
