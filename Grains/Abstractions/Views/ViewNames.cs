using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Views;

/// <summary>Rules for topic view names (spec/topic-views.md VIEW-5).</summary>
public static class ViewNames
{
    /// <summary>The longest name, in UTF-16 characters.</summary>
    public const int MaxLength = 256;

    private const string Rule = "a view name is 1-256 characters without control characters; names are case-sensitive";

    /// <summary>
    /// Fails with <see cref="ErrorCode.InvalidName"/> (details <c>kind</c> = <c>view</c>, <c>name</c>,
    /// <c>rule</c>) unless <paramref name="name"/> is 1–256 characters, none of them a control
    /// character or an unpaired surrogate.
    /// </summary>
    public static void Validate(string? name)
    {
        var problem = name is null or { Length: 0 } ? "empty view name"
            : name.Length > MaxLength ? $"view name of {name.Length} characters"
            : IndexOfInvalid(name) is var at and >= 0 ? $"view name with the invalid character U+{(int)name[at]:X4} at position {at}"
            : null;
        if (problem is not null)
        {
            var details = new JsonObject { ["kind"] = "view", ["name"] = Printable(name ?? string.Empty), ["rule"] = Rule };
            throw TopiaryException.Create(ErrorCode.InvalidName, $"{problem}; {Rule}", details);
        }
    }

    private static int IndexOfInvalid(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsControl(name[i]) || char.IsSurrogate(name[i]))
            {
                return i;
            }
        }
        return -1;
    }

    // The name is echoed in the error; a lone surrogate could not be sent as UTF-8.
    private static string Printable(string name) =>
        IndexOfInvalid(name) < 0 ? name : string.Concat(name.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
