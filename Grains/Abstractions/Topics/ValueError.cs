using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Topics;

/// <summary>
/// A rejected value, found without throwing so that the caller can translate the position
/// (bytes of the encoded value, or UTF-16 units of a .NET string) before raising it.
/// </summary>
internal readonly record struct ValueError(string Reason, string Problem, int? Position)
{
    public TopiaryException ToException(int? position)
    {
        var details = new JsonObject();
        var where = string.Empty;
        if (position is { } p)
        {
            details["position"] = p;
            where = $" at position {p}";
        }
        details["reason"] = Reason;
        return TopiaryException.Create(ErrorCode.InvalidValue, $"{Problem}{where}", details);
    }

    public TopiaryException ToException() => ToException(Position);
}
