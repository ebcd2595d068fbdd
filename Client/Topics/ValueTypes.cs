using System.Text.Json;
using Topiary.Client.Requests;
using Topiary.Topics;

namespace Topiary.Client.Topics;

/// <summary>
/// Which topic type a CLR type stands for. The checks are on <c>typeof(T)</c>, which the JIT
/// folds to a constant per instantiation, so they cost nothing on the delivery path.
/// </summary>
internal static class ValueTypes
{
    /// <summary>
    /// The topic type of <typeparamref name="T"/>, or null for the "any type" values
    /// (<see cref="object"/>, <see cref="TopicValue"/>). Unsupported types fail with INVALID_ARGUMENT.
    /// </summary>
    public static TopicType? TopicTypeOf<T>()
    {
        if (typeof(T) == typeof(string))
        {
            return TopicType.String;
        }
        if (typeof(T) == typeof(long) || typeof(T) == typeof(long?))
        {
            return TopicType.Int64;
        }
        if (typeof(T) == typeof(double) || typeof(T) == typeof(double?))
        {
            return TopicType.Double;
        }
        if (typeof(T) == typeof(byte[]) || typeof(T) == typeof(ReadOnlyMemory<byte>) || typeof(T) == typeof(ReadOnlyMemory<byte>?))
        {
            return TopicType.Binary;
        }
        if (typeof(T) == typeof(JsonValue) || typeof(T) == typeof(JsonValue?)
            || typeof(T) == typeof(JsonElement) || typeof(T) == typeof(JsonElement?))
        {
            return TopicType.Json;
        }
        if (typeof(T) == typeof(object) || typeof(T) == typeof(TopicValue) || typeof(T) == typeof(TopicValue?))
        {
            return null;
        }
        throw ClientErrors.UnsupportedValueType(typeof(T));
    }

    /// <summary>
    /// True when <typeparamref name="T"/> cannot say "no value" (<see cref="long"/>, <see cref="double"/>):
    /// streams of such a type skip updates that clear the value; <c>long?</c> and <c>double?</c> see them as null.
    /// </summary>
    public static bool CannotRepresentNoValue<T>() => typeof(T) == typeof(long) || typeof(T) == typeof(double);
}
