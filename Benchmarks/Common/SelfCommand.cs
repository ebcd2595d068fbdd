using System.Diagnostics;

namespace Topiary.Benchmarks;

/// <summary>Starts this benchmark program again with another verb (the helper processes of <c>socket</c>).</summary>
internal static class SelfCommand
{
    public static ProcessStartInfo StartInfo(string verb, params string[] arguments)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown");
        var start = new ProcessStartInfo(self) { UseShellExecute = false };
        // Run as 'dotnet Topiary.Benchmarks.dll' rather than through the app host: the host is 'dotnet'.
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SelfCommand).Assembly.Location);
        }
        start.ArgumentList.Add(verb);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }
}
