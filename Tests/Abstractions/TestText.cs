using System.Globalization;
using System.Text;

namespace Topiary.Tests.Abstractions;

/// <summary>
/// Test data helpers. Theory data stays printable (control characters and lone surrogates upset test
/// reporters), so cases write <c>{U+0009}</c> and <see cref="Decode"/> turns it into the code unit.
/// </summary>
internal static class TestText
{
    /// <summary>Replaces each <c>{U+XXXX}</c> with that UTF-16 code unit.</summary>
    public static string Decode(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{' && i + 7 < text.Length && text[i + 1] == 'U' && text[i + 2] == '+' && text[i + 7] == '}')
            {
                builder.Append((char)int.Parse(text.AsSpan(i + 3, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 7;
            }
            else
            {
                builder.Append(text[i]);
            }
        }
        return builder.ToString();
    }

    /// <summary><paramref name="count"/> segments made of <paramref name="segment"/>, joined by '/'.</summary>
    public static string Segments(int count, string segment = "a") =>
        string.Join('/', Enumerable.Repeat(segment, count));
}
