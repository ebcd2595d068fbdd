using System.Globalization;
using System.Text;

namespace Topiary.Topics;

/// <summary>
/// Renders client-supplied text for error messages. Messages are shown to end users and written
/// to logs, so control characters and unpaired surrogates are escaped as <c>\uXXXX</c> and very long
/// input is cut.
/// </summary>
internal static class DisplayText
{
    private const int MaxShown = 200;

    /// <summary>The text between single quotes, escaped and cut to <see cref="MaxShown"/> characters.</summary>
    public static string Quote(string text)
    {
        var shown = text.Length > MaxShown ? text.AsSpan(0, MaxShown) : text.AsSpan();
        var builder = new StringBuilder(shown.Length + 16).Append('\'');
        for (var i = 0; i < shown.Length; i++)
        {
            var c = shown[i];
            if (char.IsHighSurrogate(c) && i + 1 < shown.Length && char.IsLowSurrogate(shown[i + 1]))
            {
                builder.Append(c).Append(shown[++i]);
            }
            else if (NeedsEscape(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }
        builder.Append('\'');
        if (text.Length > MaxShown)
        {
            builder.Append(CultureInfo.InvariantCulture, $" (cut; {text.Length} characters in all)");
        }
        return builder.ToString();
    }

    /// <summary><c>U+XXXX</c> for one UTF-16 code unit.</summary>
    public static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    private static bool NeedsEscape(char c) => c < 0x20 || c == 0x7F || char.IsSurrogate(c);
}
