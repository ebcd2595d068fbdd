using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Topiary.Topics;

namespace Topiary.Views;

/// <summary>The conversions of the <c>type</c> option (VIEW-47, VIEW-48).</summary>
internal static partial class ValueConverter
{
    /// <summary>Whether sources of <paramref name="from"/> are processed by a view converting to <paramref name="to"/>.</summary>
    public static bool IsSupported(TopicType from, TopicType to) =>
        from == to ? to != TopicType.TimeSeries
        : from is not (TopicType.Binary or TopicType.TimeSeries) && to is not (TopicType.Binary or TopicType.TimeSeries);

    /// <summary>Converts a value that has one; false when this value cannot be converted.</summary>
    public static bool TryConvert(TopicValue value, TopicType to, out TopicValue result)
    {
        result = value;
        return value.Type switch
        {
            _ when value.Type == to => true,
            TopicType.String => FromString(TopicValues.DecodeString(value.Span), to, out result),
            TopicType.Int64 => FromInt64(TopicValues.DecodeInt64(value.Span), to, out result),
            TopicType.Double => FromDouble(TopicValues.DecodeDouble(value.Span), to, out result),
            TopicType.Json => FromJson(JsonText.Parse(value), to, out result),
            _ => false,
        };
    }

    private static bool FromString(string text, TopicType to, out TopicValue result)
    {
        result = default;
        switch (to)
        {
            case TopicType.Int64:
                // Optional sign then ASCII digits only (rule 1).
                var digits = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
                return digits.Length > 0 && digits.All(char.IsAsciiDigit)
                    && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                    && Set(TopicValues.Encode(integer), out result);
            case TopicType.Double:
                return DecimalNumber().IsMatch(text)
                    && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                    && Set(TopicValues.Encode(number), out result);
            case TopicType.String:
                return Set(TopicValues.Encode(text), out result);
            default:
                return Set(JsonText.Encode(JsonValue.Create(text)), out result);
        }
    }

    private static bool FromInt64(long integer, TopicType to, out TopicValue result) => to switch
    {
        TopicType.String => Set(TopicValues.Encode(integer.ToString(CultureInfo.InvariantCulture)), out result),
        TopicType.Double => Set(TopicValues.Encode((double)integer), out result),
        TopicType.Int64 => Set(TopicValues.Encode(integer), out result),
        _ => Set(JsonText.Encode(JsonValue.Create(integer)), out result),
    };

    private static bool FromDouble(double number, TopicType to, out TopicValue result)
    {
        result = default;
        switch (to)
        {
            case TopicType.String:
                return Set(TopicValues.Encode(number.ToString("R", CultureInfo.InvariantCulture)), out result);
            case TopicType.Int64:
                // Halves away from zero (rule 5); NaN, infinities and values outside 64 bits fail.
                var rounded = Math.Round(number, MidpointRounding.AwayFromZero);
                return double.IsFinite(rounded) && rounded >= -9.2233720368547758E18 && rounded < 9.2233720368547758E18
                    && Set(TopicValues.Encode((long)rounded), out result);
            case TopicType.Double:
                return Set(TopicValues.Encode(number), out result);
            default:
                return double.IsFinite(number) && Set(JsonText.Encode(JsonValue.Create(number)), out result);
        }
    }

    private static bool FromJson(JsonNode? node, TopicType to, out TopicValue result)
    {
        result = default;
        if (node is not JsonValue scalar)
        {
            return false;
        }
        return scalar.GetValueKind() switch
        {
            JsonValueKind.String => FromString(scalar.GetValue<string>(), to, out result),
            JsonValueKind.Number when JsonText.TryInteger(scalar, out var integer) => FromInt64(integer, to, out result),
            JsonValueKind.Number => FromDouble(JsonText.ToDouble(scalar), to, out result),
            JsonValueKind.True or JsonValueKind.False when to == TopicType.String =>
                Set(TopicValues.Encode(scalar.GetValueKind() == JsonValueKind.True ? "true" : "false"), out result),
            _ => false,
        };
    }

    private static bool Set(TopicValue value, out TopicValue result)
    {
        result = value;
        return true;
    }

    // Rule 2: optional sign, digits with an optional fraction (or a fraction alone), optional exponent.
    [GeneratedRegex(@"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalNumber();
}
