using System.Text;
using System.Threading.Channels;

namespace Topiary.Tests.Cli;

/// <summary>A <see cref="TextWriter"/> for in-process runs that hands over each completed line as it is written.</summary>
internal sealed class LineWriter : TextWriter
{
    private readonly StringBuilder _all = new();
    private readonly StringBuilder _line = new();
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_all)
        {
            _all.Append(value);
            if (value == '\n')
            {
                _lines.Writer.TryWrite(_line.ToString().TrimEnd('\r'));
                _line.Clear();
            }
            else
            {
                _line.Append(value);
            }
        }
    }

    /// <summary>The next completed line, failing the test after 20 s.</summary>
    public async Task<string> NextLineAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            return await _lines.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"no line within 20 s; written so far: {ToString()}");
            throw;
        }
    }

    public override string ToString()
    {
        lock (_all)
        {
            return _all.ToString();
        }
    }
}
