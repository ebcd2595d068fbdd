using System.Net;
using System.Net.Sockets;

namespace Topiary.Tests.Cli;

/// <summary>A loopback URL where nothing listens, so connecting is refused at once.</summary>
internal static class ClosedPort
{
    public static string Url()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
