using System.Text;

namespace Topiary.Client.Security;

/// <summary>Helpers for writing store scripts (docs/security.md).</summary>
public static class SecurityScript
{
    /// <summary>
    /// <paramref name="text"/> as a double-quoted script string, with <c>\</c> before every
    /// <c>"</c> and <c>\</c>: safe for any name, password or path.
    /// </summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.Append('"').ToString();
    }
}
