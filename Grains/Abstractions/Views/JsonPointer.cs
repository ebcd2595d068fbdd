using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Nodes;

namespace Topiary.Views;

/// <summary>
/// An RFC 6901 JSON pointer (VIEW-25): empty (the whole value) or <c>/</c>-prefixed reference tokens,
/// held unescaped. <see cref="ToString"/> gives the escaped form (<c>~0</c>, <c>~1</c>).
/// </summary>
public sealed class JsonPointer : IEquatable<JsonPointer>
{
    private readonly string[] _tokens;

    private JsonPointer(string[] tokens, string text)
    {
        _tokens = tokens;
        Text = text;
    }

    /// <summary>The pointer to the whole value.</summary>
    public static JsonPointer Root { get; } = new([], string.Empty);

    /// <summary>The unescaped reference tokens, outermost first.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>The escaped RFC 6901 text.</summary>
    public string Text { get; }

    /// <summary>Whether this is the empty pointer.</summary>
    public bool IsRoot => _tokens.Length == 0;

    /// <summary>
    /// Parses RFC 6901 text. On failure <paramref name="errorIndex"/> is the index in
    /// <paramref name="text"/> of the offending character and <paramref name="problem"/> says why.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out JsonPointer? result, out int errorIndex, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        result = null;
        errorIndex = 0;
        problem = string.Empty;
        if (text.Length == 0)
        {
            result = Root;
            return true;
        }
        if (text[0] != '/')
        {
            problem = "a JSON pointer must be empty or start with '/'";
            return false;
        }
        var tokens = new List<string>();
        var token = new StringBuilder();
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '/')
            {
                tokens.Add(token.ToString());
                token.Clear();
                continue;
            }
            if (text[i] != '~')
            {
                token.Append(text[i]);
                continue;
            }
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (next is not ('0' or '1'))
            {
                errorIndex = i;
                problem = "'~' in a JSON pointer must be followed by '0' (for '~') or '1' (for '/')";
                return false;
            }
            token.Append(next == '0' ? '~' : '/');
            i++;
        }
        result = new JsonPointer([.. tokens], text);
        return true;
    }

    /// <summary>Parses text known to be valid (tests, canonical forms); throws <see cref="FormatException"/> otherwise.</summary>
    public static JsonPointer Parse(string text) =>
        TryParse(text, out var pointer, out _, out var problem) ? pointer : throw new FormatException(problem);

    /// <summary>
    /// Finds the value the pointer selects. Returns false when it selects nothing; a JSON null
    /// that exists is found and returned as null. The token <c>-</c> never selects anything.
    /// </summary>
    public bool TryGet(JsonNode? root, out JsonNode? value)
    {
        value = root;
        foreach (var token in _tokens)
        {
            if (!TryChild(value, token, out value))
            {
                value = null;
                return false;
            }
        }
        return true;
    }

    /// <summary>The parent pointer and last token; the root has neither.</summary>
    public JsonPointer Parent() =>
        IsRoot ? this : new JsonPointer(_tokens[..^1], string.Concat(_tokens[..^1].Select(t => "/" + Escape(t))));

    /// <summary>The last token (the member name or index the pointer targets).</summary>
    public string Last => IsRoot ? string.Empty : _tokens[^1];

    /// <summary>An array index as RFC 6901 writes it: <c>0</c> or digits without a leading zero.</summary>
    public static bool TryIndex(string token, out int index)
    {
        index = -1;
        if (token.Length == 0 || token.Length > 9 || (token.Length > 1 && token[0] == '0') || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        index = int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    public bool Equals(JsonPointer? other) => other is not null && _tokens.AsSpan().SequenceEqual(other._tokens);

    public override bool Equals(object? obj) => Equals(obj as JsonPointer);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(string.Join('/', _tokens));

    public override string ToString() => Text;

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static bool TryChild(JsonNode? node, string token, out JsonNode? child)
    {
        child = null;
        switch (node)
        {
            case JsonObject obj:
                return obj.TryGetPropertyValue(token, out child);
            case JsonArray array when TryIndex(token, out var index) && index < array.Count:
                child = array[index];
                return true;
            default:
                return false;
        }
    }
}
