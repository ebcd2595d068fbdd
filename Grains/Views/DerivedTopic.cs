using Topiary.Topics;

namespace Topiary.Views;

/// <summary>One reference topic a view derives from a source (VIEW-49): where, with which specification and value.</summary>
/// <param name="Path">The reference topic's path (valid for adding, topics.md TOP-1..TOP-5).</param>
/// <param name="Specification">Its specification (VIEW-55).</param>
/// <param name="Value">Its value, possibly "no value".</param>
public sealed record DerivedTopic(string Path, TopicSpecification Specification, TopicValue Value);
