using System.Text;
using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Topics;

/// <summary>Wire names of <see cref="TopicType"/> (TOP-10) and their parsing.</summary>
public static class TopicTypes
{
    // Indexed by the enum's value; the order of TopicType is part of this table.
    private static readonly string[] WireNames = ["JSON", "STRING", "INT64", "DOUBLE", "BINARY", "TIME_SERIES"];

    /// <summary>The upper-case wire name: JSON, STRING, INT64, DOUBLE, BINARY or TIME_SERIES.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="TopicType"/>.</exception>
    public static string WireName(this TopicType type) =>
        (uint)type < (uint)WireNames.Length ? WireNames[(int)type] : throw new ArgumentOutOfRangeException(nameof(type));

    /// <summary>Every wire name, in <see cref="TopicType"/> order.</summary>
    public static IReadOnlyList<string> AllWireNames => WireNames;

    /// <summary>
    /// Parses a wire name, ignoring ASCII case (<c>json</c>, <c>Time_Series</c>). Fails with
    /// <see cref="ErrorCode.InvalidSpecification"/> (details <c>property</c> = <c>TYPE</c>,
    /// <c>value</c>, <c>allowed</c>) for anything else, including null and surrounding whitespace.
    /// </summary>
    public static TopicType Parse(string name)
    {
        if (name is not null)
        {
            for (var i = 0; i < WireNames.Length; i++)
            {
                if (Ascii.EqualsIgnoreCase(name, WireNames[i]))
                {
                    return (TopicType)i;
                }
            }
        }
        var allowed = new JsonArray();
        foreach (var wireName in WireNames)
        {
            allowed.Add(wireName);
        }
        throw TopiaryException.Create(
            ErrorCode.InvalidSpecification,
            $"unknown topic type '{name}'; allowed types are {string.Join(", ", WireNames)}",
            new JsonObject { ["property"] = "TYPE", ["value"] = name, ["allowed"] = allowed });
    }
}
