using System.Globalization;
using Topiary.Cli.Parsing;
using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Cli.Values;

/// <summary>
/// Reads topic types and values from the command line (docs/cli.md "Values"): JSON as a JSON
/// text, INT64 and DOUBLE as invariant-culture numbers (DOUBLE also <c>NaN</c>, <c>Infinity</c>,
/// <c>-Infinity</c>), BINARY as base64, STRING as is. Anything else is a usage error naming the
/// argument and what is allowed.
/// </summary>
internal static class ValueParser
{
    /// <summary>The types the CLI can add and set, as written on the command line.</summary>
    public static IReadOnlyList<string> TypeNames { get; } = ["json", "string", "int64", "double", "binary"];

    /// <summary>Parses the value of <paramref name="option"/> as a topic type (any ASCII case).</summary>
    public static TopicType ParseType(string text, OptionSpec option)
    {
        foreach (var name in TypeNames)
        {
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase))
            {
                return TopicTypes.Parse(name);
            }
        }
        throw new UsageException($"{option.Name}: '{text}' is not a topic type; allowed: {string.Join(", ", TypeNames)}");
    }

    /// <summary>Parses <paramref name="text"/>, given as <paramref name="argument"/>, as a value of <paramref name="type"/>.</summary>
    public static TopicValue ParseValue(string text, TopicType type, ArgumentSpec argument)
    {
        switch (type)
        {
            case TopicType.String:
                return Encode(() => TopicValues.Encode(text), type, argument);
            case TopicType.Json:
                return Encode(() => TopicValues.EncodeJson(text), type, argument);
            case TopicType.Int64 when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                return TopicValues.Encode(number);
            case TopicType.Int64:
                throw Invalid(text, argument, "is not an INT64 value; allowed: a whole number from -9223372036854775808 to 9223372036854775807");
            case TopicType.Double when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return TopicValues.Encode(number);
            case TopicType.Double:
                throw Invalid(text, argument, "is not a DOUBLE value; allowed: a number such as 1.5, -2e-3, NaN, Infinity or -Infinity");
            case TopicType.Binary:
                var bytes = new byte[text.Length];
                return Convert.TryFromBase64String(text, bytes, out var length)
                    ? TopicValues.EncodeBinary(bytes.AsSpan(0, length))
                    : throw Invalid(text, argument, "is not a BINARY value; allowed: base64 such as AP8H (bytes 00 FF 07)");
            default:
                throw new UsageException($"{argument.Synopsis}: topics of type {type.WireName()} cannot be set; allowed types: {string.Join(", ", TypeNames)}");
        }
    }

    private static TopicValue Encode(Func<TopicValue> encode, TopicType type, ArgumentSpec argument)
    {
        try
        {
            return encode();
        }
        catch (TopiaryArgumentException e) when (e.Code == ErrorCode.InvalidValue)
        {
            var allowed = type == TopicType.Json ? "; allowed: a JSON text such as {\"a\":1}, [1,2], \"text\" or 42" : "";
            throw new UsageException($"{argument.Synopsis}: not a {type.WireName()} value: {e.Message}{allowed}", e);
        }
    }

    private static UsageException Invalid(string text, ArgumentSpec argument, string rule)
    {
        var shown = text.Length > 40 ? text[..40] + "…" : text;
        return new UsageException($"{argument.Synopsis}: '{shown}' {rule}");
    }
}
