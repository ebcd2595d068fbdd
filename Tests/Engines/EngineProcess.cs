using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Topiary.Tests.Engines;

/// <summary>Process helpers shared by the engine fixtures: run a tool to completion, find a free port.</summary>
internal static class EngineProcess
{
    /// <summary>True when the tests run as root, so engines that refuse root run as their system user.</summary>
    public static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>Runs <paramref name="file"/> (as <paramref name="runAs"/> when root) and returns its output; throws with the output on a non-zero exit.</summary>
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, string? runAs = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(runAs is not null && IsRoot ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs is not null && IsRoot)
        {
            foreach (var prefix in new[] { "-u", runAs, "--", file })
            {
                start.ArgumentList.Add(prefix);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} did not finish in time.");
        }
        var text = await output + await error;
        return process.ExitCode == 0
            ? text
            : throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{text}");
    }

    /// <summary>A loopback port that was free a moment ago (the engine binds it next).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts TCP connections on <paramref name="port"/>.</summary>
    public static async Task<bool> WaitForPortAsync(int port, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }
        return false;
    }

    /// <summary>The tail of a log file for an error message, or a note that there is none.</summary>
    public static string LogTail(string path)
    {
        if (!File.Exists(path))
        {
            return $"(no log at {path})";
        }
        var lines = File.ReadAllLines(path);
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 40)));
    }
}
