using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Topics;

/// <summary>
/// The checks a value passes before a topic accepts it (TOP-10..TOP-15): the sender's type
/// is the topic's type, "no value" only where the type allows it, and the bytes are a
/// well-formed value of that type.
/// </summary>
public static class TopicValueRules
{
    /// <summary>Throws the specific error when <paramref name="value"/> cannot be set on a topic of <paramref name="specification"/>.</summary>
    public static void Check(TopicSpecification specification, string path, TopicValueData value)
    {
        var type = TopicTypes.Parse(value.Type);
        if (type != specification.Type)
        {
            throw TopiaryException.Create(
                ErrorCode.IncompatibleType,
                $"the topic '{path}' is of type {specification.Type.WireName()} but a {type.WireName()} value was sent",
                new JsonObject { ["expected"] = specification.Type.WireName(), ["actual"] = type.WireName(), ["path"] = path });
        }
        if (value.Bytes is null)
        {
            if (specification.Type is TopicType.Json or TopicType.Binary)
            {
                throw TopiaryException.Create(
                    ErrorCode.InvalidValue,
                    $"a {type.WireName()} topic cannot be cleared (topic '{path}'); only STRING, INT64 and DOUBLE topics accept null",
                    new JsonObject { ["reason"] = InvalidValueReasons.NoValueNotAllowed, ["path"] = path });
            }
            return;
        }
        TopicValues.Validate(specification.Type, value.Bytes, specification.ValidateValues, TopicLimits.MaximumMaxValueBytes);
    }
}
