using System.Text;

namespace Topiary.Tests.Cli;

/// <summary>A <see cref="TextWriter"/> for in-process runs that hands over each completed line as it is written.</summary>
internal sealed class LineWriter : TextWriter
{
    private readonly StringBuilder _all = new();
    private readonly StringBuilder _line = new();
    private readonly LineChannel _lines = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_all)
        {
            _all.Append(value);
            if (value == '\n')
            {
                _lines.Add(_line.ToString().TrimEnd('\r'));
                _line.Clear();
            }
            else
            {
                _line.Append(value);
            }
        }
    }

    /// <summary>The next completed line, failing the test after 20 s.</summary>
    public Task<string> NextLineAsync() => _lines.NextAsync(TimeSpan.FromSeconds(20), ToString);

    public override string ToString()
    {
        lock (_all)
        {
            return _all.ToString();
        }
    }
}
