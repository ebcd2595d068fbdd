using System.Buffers;
using System.Text;

namespace Topiary.Gateway.Transport;

/// <summary>
/// Recognises, in the first bytes of a connection, a complete and valid HTTP/1.1 WebSocket
/// upgrade request for one path (RFC 6455 §4.1): <c>GET path[?query] HTTP/1.1</c> with
/// <c>Host</c>, <c>Upgrade: websocket</c>, <c>Connection: upgrade</c>,
/// <c>Sec-WebSocket-Version: 13</c>, a 16-byte <c>Sec-WebSocket-Key</c> and no body. Anything
/// else — another path, another method, a request still arriving, a malformed or doubtful one —
/// is not taken: it is left to Kestrel's HTTP stack, which answers it as it always does. Pure.
/// </summary>
internal static class UpgradeRequestHead
{
    /// <summary>Longest request head examined; longer ones are left to HTTP.</summary>
    public const int MaxHeadBytes = 4096;

    private static ReadOnlySpan<byte> HeadEnd => "\r\n\r\n"u8;

    /// <summary>
    /// True when <paramref name="buffer"/> starts with a complete valid upgrade request for
    /// <paramref name="path"/>; then <paramref name="headLength"/> is its length in bytes and
    /// <paramref name="key"/> its <c>Sec-WebSocket-Key</c>.
    /// </summary>
    public static bool TryRead(ReadOnlySequence<byte> buffer, string path, out int headLength, out string key)
    {
        headLength = 0;
        key = "";
        Span<byte> copy = stackalloc byte[MaxHeadBytes];
        var length = (int)Math.Min(buffer.Length, MaxHeadBytes);
        buffer.Slice(0, length).CopyTo(copy);
        var bytes = copy[..length];
        var end = bytes.IndexOf(HeadEnd);
        if (end < 0)
        {
            return false;
        }
        var lines = Encoding.Latin1.GetString(bytes[..end]).Split("\r\n");
        if (!IsRequestLineFor(lines[0], path) || !TryReadHeaders(lines.AsSpan(1), out var headers))
        {
            return false;
        }
        if (!headers.Host || !HasToken(headers.Upgrade, "websocket") || !HasToken(headers.Connection, "upgrade")
            || headers.Version != "13" || headers.HasBody || !WebSocketUpgrade.IsValidKey(headers.Key))
        {
            return false;
        }
        headLength = end + HeadEnd.Length;
        key = headers.Key!;
        return true;
    }

    private static bool IsRequestLineFor(string line, string path)
    {
        var parts = line.Split(' ');
        if (parts.Length != 3 || parts[0] != "GET" || parts[2] != "HTTP/1.1")
        {
            return false;
        }
        var target = parts[1];
        return target == path || (target.StartsWith(path, StringComparison.Ordinal) && target.Length > path.Length && target[path.Length] == '?');
    }

    private static bool TryReadHeaders(ReadOnlySpan<string> lines, out UpgradeHeaders headers)
    {
        headers = new UpgradeHeaders();
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            // No whitespace is allowed before the colon (RFC 9112 §5.1); obsolete line folding neither.
            if (colon <= 0 || line.AsSpan(0, colon).ContainsAny(' ', '\t'))
            {
                return false;
            }
            if (!headers.Add(line[..colon], line[(colon + 1)..].Trim(' ', '\t')))
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasToken(string? value, string token)
    {
        foreach (var part in (value ?? "").Split(','))
        {
            if (part.Trim(' ', '\t').Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
