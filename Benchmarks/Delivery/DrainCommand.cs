using System.Net;
using System.Net.Sockets;

namespace Topiary.Benchmarks.Delivery;

/// <summary>
/// The client half of <c>socket</c>, run as a child process so that reading costs no CPU in the
/// process being measured: opens the connections, reads and discards, and reports on stdout when
/// the warm-up bytes (<c>warm</c>) and all bytes (<c>done</c>) have arrived, counted over all
/// connections together.
/// </summary>
internal static class DrainCommand
{
    public const string Verb = "drain";

    private static long _received;

    public static async Task<int> RunAsync(CommandLineOptions options)
    {
        var port = options.GetInt32("port", 0, 1, 65535);
        var connections = options.GetInt32("connections", 0, 1, 100_000);
        var warmupBytes = options.GetInt64("warmup-bytes", 0, 0);
        var totalBytes = options.GetInt64("total-bytes", 0, 1);
        options.ThrowIfUnused("--port --connections --warmup-bytes --total-bytes");

        var sockets = new Socket[connections];
        for (var i = 0; i < connections; i++)
        {
            sockets[i] = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await sockets[i].ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        }
        Console.WriteLine("connected");
        var readers = new Task[connections];
        for (var i = 0; i < connections; i++)
        {
            readers[i] = ReadAsync(sockets[i], warmupBytes, totalBytes);
        }
        await Task.WhenAll(readers);
        return 0;
    }

    private static async Task ReadAsync(Socket socket, long warmupBytes, long totalBytes)
    {
        using var owned = socket;
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var count = await socket.ReceiveAsync(buffer, SocketFlags.None);
                if (count == 0)
                {
                    return;
                }
                var total = Interlocked.Add(ref _received, count);
                if (total - count < warmupBytes && total >= warmupBytes)
                {
                    Console.WriteLine("warm");
                }
                if (total - count < totalBytes && total >= totalBytes)
                {
                    Console.WriteLine("done");
                }
            }
        }
        catch (SocketException)
        {
            // The server closed the connection abruptly at the end of its phase.
        }
    }
}
