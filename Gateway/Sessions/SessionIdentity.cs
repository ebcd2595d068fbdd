using System.Security.Cryptography;

namespace Topiary.Gateway.Sessions;

/// <summary>Session ids and tokens (spec/sessions.md SES-15).</summary>
internal static class SessionIdentity
{
    /// <summary>128 random bits as two groups of 16 lowercase hex digits joined by '-'.</summary>
    public static string NewSessionId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        var hex = Convert.ToHexStringLower(bytes);
        return string.Concat(hex.AsSpan(0, 16), "-", hex.AsSpan(16));
    }

    /// <summary>A 256-bit secret, base64url; only ever sent to its client.</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
