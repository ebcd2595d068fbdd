using Microsoft.Win32.SafeHandles;

namespace Topiary.Cli;

/// <summary>Opens the process's standard output for <c>topiary</c>.</summary>
internal static class StandardOutput
{
    /// <summary>
    /// The console stream, except for pipes and terminals on Unix: there the console stream
    /// swallows EPIPE, so <c>topiary subscribe … | head -1</c> would never end. A plain stream
    /// over descriptor 1 reports the closed pipe instead. Seekable outputs (a file) keep the
    /// console stream, which appends at the shared offset like every other process writing there.
    /// </summary>
    public static Stream Open()
    {
        if (OperatingSystem.IsWindows())
        {
            return Console.OpenStandardOutput();
        }
        var descriptor = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        if (!descriptor.CanSeek)
        {
            return descriptor;
        }
        descriptor.Dispose();
        return Console.OpenStandardOutput();
    }
}
