using Topiary.Topics;

namespace Topiary.Tests.Abstractions.Topics;

/// <summary>Shorthand for building specifications in tests.</summary>
internal static class SpecificationBuilder
{
    public static Dictionary<string, string> Props(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static TopicSpecification Spec(TopicType type, params (string Key, string Value)[] pairs) =>
        TopicSpecification.Create(type, Props(pairs));
}
