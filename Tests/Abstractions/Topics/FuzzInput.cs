using System.Text;

namespace Topiary.Tests.Abstractions.Topics;

/// <summary>Random text for fuzz tests: grammar-shaped pieces plus mutations that break them.</summary>
internal static class FuzzInput
{
    // Characters that tend to find edge cases: separators, quotes, escapes, digits, non-ASCII
    // letters, a no-break space, control characters and unpaired surrogates.
    private static readonly char[] Awkward =
    [
        ' ', '\t', '\n', '\r', '\'', '"', '\\', '(', ')', '<', '>', ',', ':', '{', '}', '[', ']', '-', '+', '.', '/',
        '0', '1', '9', 'e', 'E', 's', 'm', 'h', 'd', 'a', 'é', 'İ', '\u00a0', '\u0000', '\u001f', '\uD800', '\uDC00', "🌳"[0], "🌳"[1],
    ];

    public static T Pick<T>(this Random random, params ReadOnlySpan<T> items) => items[random.Next(items.Length)];

    public static string Junk(Random random, int maxLength)
    {
        var builder = new StringBuilder();
        var length = random.Next(maxLength + 1);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(4) == 0 ? (char)random.Next(0x10000) : random.Pick(Awkward));
        }
        return builder.ToString();
    }

    /// <summary>Applies a few random edits: delete, insert, duplicate, swap or truncate.</summary>
    public static string Mutate(Random random, string text)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = builder.Length == 0 ? 0 : random.Next(builder.Length);
            switch (random.Next(5))
            {
                case 0 when builder.Length > 0:
                    builder.Remove(at, 1);
                    break;
                case 1:
                    builder.Insert(at, Junk(random, 3));
                    break;
                case 2 when builder.Length > 0:
                    var length = random.Next(1, Math.Min(8, builder.Length - at) + 1);
                    builder.Insert(at, builder.ToString(at, length));
                    break;
                case 3 when builder.Length > 1:
                    var other = random.Next(builder.Length);
                    (builder[at], builder[other]) = (builder[other], builder[at]);
                    break;
                default:
                    builder.Length = at;
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>Printable form of an input for failure messages.</summary>
    public static string Show(string text) =>
        string.Concat(text.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
