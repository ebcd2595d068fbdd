using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Topics;

/// <summary>
/// Validation, encoding and decoding of topic values (spec/topics.md TOP-10..TOP-15), shared by
/// the server and the SDK so both reject the same values with the same errors (ERR-34).
/// </summary>
public static partial class TopicValues
{
    /// <summary>
    /// Checks an encoded value for a topic of <paramref name="type"/>, in this order:
    /// <list type="bullet">
    /// <item>TIME_SERIES: UNSUPPORTED (details <c>feature</c>).</item>
    /// <item>more than <paramref name="maxValueBytes"/> bytes: LIMIT_EXCEEDED (details <c>limit</c> = <c>MaxValueBytes</c>, <c>maximum</c>).</item>
    /// <item>JSON: one well-formed RFC 8259 value in UTF-8, nesting at most 64, else INVALID_VALUE
    /// with <c>position</c> (byte offset) and <c>reason</c>; with <paramref name="validateValues"/>
    /// also no object with two members of the same name (after unescaping).</item>
    /// <item>STRING: valid UTF-8, else INVALID_VALUE with the byte offset of the first bad sequence.</item>
    /// <item>INT64, DOUBLE: exactly 8 bytes, else INVALID_VALUE (<c>WRONG_LENGTH</c>); with
    /// <paramref name="validateValues"/> a DOUBLE must be finite (<c>NOT_FINITE</c>).</item>
    /// <item>BINARY: anything.</item>
    /// </list>
    /// Never throws anything but <see cref="TopiaryException"/> for any bytes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not defined or <paramref name="maxValueBytes"/> is negative.</exception>
    public static void Validate(TopicType type, ReadOnlySpan<byte> encoded, bool validateValues, int maxValueBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValueBytes);
        if (type == TopicType.TimeSeries)
        {
            throw TopiaryException.Create(
                ErrorCode.Unsupported, "TIME_SERIES values are not supported yet", new JsonObject { ["feature"] = "TIME_SERIES" });
        }
        if (encoded.Length > maxValueBytes)
        {
            throw TopiaryException.Create(
                ErrorCode.LimitExceeded,
                $"value of {encoded.Length} bytes is larger than the limit MaxValueBytes of {maxValueBytes} bytes",
                new JsonObject { ["limit"] = "MaxValueBytes", ["maximum"] = maxValueBytes });
        }
        var error = type switch
        {
            TopicType.Json => JsonValueValidator.Check(encoded, validateValues),
            TopicType.String => CheckUtf8(encoded, "STRING"),
            TopicType.Int64 => CheckLength(encoded, "INT64"),
            TopicType.Double => CheckDouble(encoded, validateValues),
            TopicType.Binary => null,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown topic type."),
        };
        if (error is { } e)
        {
            throw e.ToException();
        }
    }

    /// <summary>
    /// Checks a value of any type and presence for a topic with <paramref name="specification"/>:
    /// <see cref="EnsureCompatible"/>, then <see cref="EnsureCanClear"/> for "no value", else
    /// <see cref="Validate"/> with the specification's <c>VALIDATE_VALUES</c>.
    /// </summary>
    public static void ValidateUpdate(TopicSpecification specification, TopicValue value, int maxValueBytes)
    {
        ArgumentNullException.ThrowIfNull(specification);
        EnsureCompatible(specification.Type, value.Type);
        if (!value.HasValue)
        {
            EnsureCanClear(specification.Type);
            return;
        }
        Validate(specification.Type, value.Span, specification.ValidateValues, maxValueBytes);
    }

    /// <summary>Whether a value of <paramref name="valueType"/> can be set on a topic of <paramref name="topicType"/>: only when they are equal (TOP-15).</summary>
    public static bool IsCompatible(TopicType topicType, TopicType valueType) => topicType == valueType;

    /// <summary>Fails with INCOMPATIBLE_TYPE (details <c>expected</c> = the topic's type, <c>actual</c> = the value's, as wire names) unless the types are equal.</summary>
    public static void EnsureCompatible(TopicType topicType, TopicType valueType)
    {
        if (!IsCompatible(topicType, valueType))
        {
            throw TopiaryException.Create(
                ErrorCode.IncompatibleType,
                $"a {valueType.WireName()} value cannot be set on a {topicType.WireName()} topic",
                new JsonObject { ["expected"] = topicType.WireName(), ["actual"] = valueType.WireName() });
        }
    }

    /// <summary>
    /// Whether a topic of <paramref name="type"/> can be set back to "no value" (TOP-10, TOP-13):
    /// STRING, INT64 and DOUBLE can; JSON and BINARY have no value only before their first set
    /// (a JSON <c>null</c> is an ordinary value); TIME_SERIES never.
    /// </summary>
    public static bool CanClear(TopicType type) => type is TopicType.String or TopicType.Int64 or TopicType.Double;

    /// <summary>Fails with INVALID_VALUE (<c>reason</c> = <c>NO_VALUE_NOT_ALLOWED</c>) unless <see cref="CanClear"/>.</summary>
    public static void EnsureCanClear(TopicType type)
    {
        if (!CanClear(type))
        {
            throw new ValueError(
                InvalidValueReasons.NoValueNotAllowed,
                $"a {type.WireName()} topic cannot be set to no value; only STRING, INT64 and DOUBLE topics can",
                null).ToException();
        }
    }

    private static ValueError? CheckUtf8(ReadOnlySpan<byte> encoded, string typeName)
    {
        var invalid = Utf8Text.FindInvalid(encoded);
        return invalid < 0 ? null : new ValueError(InvalidValueReasons.InvalidUtf8, $"{typeName} value is not valid UTF-8", invalid);
    }

    private static ValueError? CheckLength(ReadOnlySpan<byte> encoded, string typeName) =>
        encoded.Length == sizeof(long)
            ? null
            : new ValueError(InvalidValueReasons.WrongLength, $"{typeName} value has {encoded.Length} bytes instead of 8", null);

    private static ValueError? CheckDouble(ReadOnlySpan<byte> encoded, bool validateValues)
    {
        if (CheckLength(encoded, "DOUBLE") is { } error)
        {
            return error;
        }
        var value = BinaryPrimitives.ReadDoubleLittleEndian(encoded);
        return !validateValues || double.IsFinite(value)
            ? null
            : new ValueError(InvalidValueReasons.NotFinite, $"DOUBLE value {value} is not finite (VALIDATE_VALUES=true)", null);
    }
}
