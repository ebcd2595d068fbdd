using System.Globalization;
using System.Text;

namespace Topiary.Tests.Gateway.Protocol;

/// <summary>
/// Random JSON texts shaped like protocol messages: the right member names with values of every
/// kind, including the awkward ones (huge and fractional numbers, escapes, unpaired surrogate
/// escapes, deep nesting), so a fuzz test reaches the typed accessors and not only the JSON parser.
/// </summary>
internal static class RandomJson
{
    private static readonly string[] Names =
    [
        "id", "op", "args", "type", "protocol", "principal", "password", "clientType", "environment",
        "path", "selector", "value", "limit", "after", "withValues", "withProperties", "properties", "PERSISTENT",
    ];

    private static readonly string[] Strings =
    [
        "", "open", "topics.add", "topics.set", "session.ping", "a/b", "?a//", "JSON", "STRING", "INT64", "DOUBLE",
        "BINARY", "TIME_SERIES", "NaN", "Infinity", "-Infinity", "9223372036854775807", "-9223372036854775809",
        "AAEC", "AAE", "{\\\"a\\\":1}", "\\ud800", "x\\udc00y", "\\u0000", "é🌳", "\\\"", "true",
    ];

    private static readonly string[] Numbers =
    [
        "0", "1", "-1", "7", "1.5", "1e3", "1e400", "-0", "2", "100000", "100001", "9007199254740993",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "4294967297", "0.1e-5",
    ];

    public static string Value(Random random, int depth)
    {
        var choice = random.Next(depth > 3 ? 5 : 7);
        return choice switch
        {
            0 => "null",
            1 => random.Next(2) == 0 ? "true" : "false",
            2 => random.Pick(Numbers),
            3 or 4 => "\"" + random.Pick(Strings) + "\"",
            5 => Array(random, depth + 1),
            _ => Object(random, depth + 1),
        };
    }

    public static string Object(Random random, int depth)
    {
        var builder = new StringBuilder("{");
        var count = random.Next(0, 6);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }
            builder.Append('"').Append(random.Pick(Names)).Append("\":").Append(Value(random, depth));
        }
        return builder.Append('}').ToString();
    }

    /// <summary>A request envelope whose members are usually, but not always, of the right kind.</summary>
    public static string Request(Random random)
    {
        var id = random.Next(4) == 0 ? Value(random, 3) : random.Next(0, 1000).ToString(CultureInfo.InvariantCulture);
        var op = random.Next(4) == 0 ? Value(random, 3) : "\"" + random.Pick(Strings) + "\"";
        var args = random.Next(5) == 0 ? Value(random, 2) : Object(random, 1);
        return $"{{\"id\":{id},\"op\":{op},\"args\":{args}}}";
    }

    /// <summary>An open message whose members are usually, but not always, of the right kind.</summary>
    public static string Open(Random random)
    {
        var members = new List<string>();
        if (random.Next(6) != 0)
        {
            members.Add("\"type\":" + (random.Next(4) == 0 ? Value(random, 3) : "\"open\""));
        }
        if (random.Next(6) != 0)
        {
            members.Add("\"protocol\":" + (random.Next(4) == 0 ? Value(random, 3) : "1"));
        }
        foreach (var name in new[] { "principal", "password", "clientType", "environment" })
        {
            if (random.Next(2) == 0)
            {
                members.Add($"\"{name}\":" + (random.Next(3) == 0 ? Value(random, 3) : "\"" + random.Pick(Strings) + "\""));
            }
        }
        return "{" + string.Join(",", members.OrderBy(_ => random.Next())) + "}";
    }

    private static string Array(Random random, int depth)
    {
        var items = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Value(random, depth));
        return "[" + string.Join(",", items) + "]";
    }

    private static T Pick<T>(this Random random, T[] items) => items[random.Next(items.Length)];
}
