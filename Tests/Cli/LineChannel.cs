using System.Threading.Channels;

namespace Topiary.Tests.Cli;

/// <summary>Output lines handed over as they are written, for tests that act between lines.</summary>
internal sealed class LineChannel
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    public void Add(string line) => _lines.Writer.TryWrite(line);

    /// <summary>The next line; fails the test when none comes within <paramref name="within"/>, showing <paramref name="soFar"/>.</summary>
    public async Task<string> NextAsync(TimeSpan within, Func<string> soFar)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await _lines.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"no line within {within.TotalSeconds} s; output so far: {soFar()}");
            throw;
        }
    }
}
