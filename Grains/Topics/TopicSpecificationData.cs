namespace Topiary.Topics;

/// <summary>
/// The serialisable form of a <see cref="TopicSpecification"/>, as grain calls, stored
/// records and tree events carry it. <see cref="ToSpecification"/> re-validates, so a
/// record read back from storage is never trusted blindly.
/// </summary>
public sealed record TopicSpecificationData(string Type, Dictionary<string, string> Properties)
{
    /// <summary>Captures a validated specification (canonical property form).</summary>
    public static TopicSpecificationData From(TopicSpecification specification) =>
        new(specification.Type.WireName(), new Dictionary<string, string>(specification.Properties, StringComparer.Ordinal));

    /// <summary>Validates and returns the specification.</summary>
    public TopicSpecification ToSpecification() =>
        TopicSpecification.Create(TopicTypes.Parse(Type), Properties);
}
