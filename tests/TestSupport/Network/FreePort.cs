using System.Net;
using System.Net.Sockets;

namespace Tributary.TestSupport.Network;

/// <summary>Finds free TCP ports on the loopback interface.</summary>
public static class FreePort
{
    /// <summary>
    /// Returns a port on 127.0.0.1 that was free a moment ago. Another process may take it before
    /// the caller binds it; fixtures that start servers retry with a new port when that happens.
    /// </summary>
    /// <returns>The port number.</returns>
    public static int Next()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
