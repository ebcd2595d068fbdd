using System.Diagnostics;

namespace Topiary.Tests.Grains.Runtime;

/// <summary>
/// Waits for effects that happen on the thread pool after a fake-clock advance or a one-way action.
/// The bound is generous on purpose: it only limits how long a broken test hangs on a loaded CI machine.
/// </summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string because, int timeoutMilliseconds = 15_000)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.ElapsedMilliseconds > timeoutMilliseconds)
            {
                Assert.Fail($"Not true within {timeoutMilliseconds} ms: {because}");
            }
            await Task.Delay(2);
        }
    }
}
