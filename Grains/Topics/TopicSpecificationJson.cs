using System.Text.Json.Nodes;

namespace Topiary.Topics;

/// <summary>The JSON shape of a specification in error details and protocol messages: <c>{ "type", "properties" }</c>.</summary>
public static class TopicSpecificationJson
{
    public static JsonObject ToJson(TopicSpecification specification)
    {
        var properties = new JsonObject();
        foreach (var (key, value) in specification.Properties)
        {
            properties[key] = value;
        }
        return new JsonObject { ["type"] = specification.Type.WireName(), ["properties"] = properties };
    }
}
