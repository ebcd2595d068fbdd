using Topiary.Topics;

namespace Topiary.Views;

/// <summary>A topic as a view sees it: a source, or an insertion topic (VIEW-40).</summary>
/// <param name="Path">The topic path.</param>
/// <param name="Specification">Its specification.</param>
/// <param name="Value">Its value, possibly "no value".</param>
public sealed record SourceTopic(string Path, TopicSpecification Specification, TopicValue Value);
