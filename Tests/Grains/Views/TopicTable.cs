using System.Globalization;
using System.Text.Json.Nodes;
using Topiary.Topics;
using Topiary.Views;

namespace Topiary.Tests.Grains.Views;

/// <summary>
/// A small in-memory topic tree for evaluating views: builds source topics, answers insertion
/// look-ups, and renders derived topics as <c>path = TYPE value</c> for readable assertions.
/// </summary>
internal sealed class TopicTable : ITopicLookup
{
    private readonly Dictionary<string, SourceTopic> _topics = new(StringComparer.Ordinal);

    public IEnumerable<SourceTopic> Topics => _topics.Values;

    public TopicTable Json(string path, string json) => Add(path, TopicType.Json, TopicValues.EncodeJson(json));

    public TopicTable String(string path, string text) => Add(path, TopicType.String, TopicValues.Encode(text));

    public TopicTable Int64(string path, long number) => Add(path, TopicType.Int64, TopicValues.Encode(number));

    public TopicTable Double(string path, double number) => Add(path, TopicType.Double, TopicValues.Encode(number));

    public TopicTable Binary(string path) => Add(path, TopicType.Binary, TopicValues.EncodeBinary([1, 2]));

    public TopicTable NoValue(string path, TopicType type) => Add(path, type, TopicValue.NoValue(type));

    public TopicTable Add(string path, TopicType type, TopicValue value, IReadOnlyDictionary<string, string>? properties = null)
    {
        _topics[path] = new SourceTopic(path, TopicSpecification.Create(type, properties), value);
        return this;
    }

    public SourceTopic? Find(string path) => _topics.GetValueOrDefault(path);

    /// <summary>Evaluates every topic the view's selector selects, in insertion order; renders the results.</summary>
    public string[] Derive(string specification) => Evaluate(specification).SelectMany(e => e.Topics).Select(Render).ToArray();

    public List<ViewEvaluation> Evaluate(string specification)
    {
        var view = ViewSpecification.Parse(specification);
        return Topics.Where(t => view.Selector.Selects(t.Path)).Select(t => ViewEvaluator.Evaluate(view, t, this)).ToList();
    }

    public static string Render(DerivedTopic topic)
    {
        // A value must always be of its topic's type.
        Assert.Equal(topic.Specification.Type, topic.Value.Type);
        return $"{topic.Path} = {topic.Specification.Type.WireName()} {Render(topic.Value)}";
    }

    public static string Render(TopicValue value)
    {
        if (!value.HasValue)
        {
            return "(no value)";
        }
        return value.Type switch
        {
            TopicType.String => TopicValues.DecodeString(value.Span),
            TopicType.Int64 => TopicValues.DecodeInt64(value.Span).ToString(CultureInfo.InvariantCulture),
            TopicType.Double => TopicValues.DecodeDouble(value.Span).ToString("R", CultureInfo.InvariantCulture),
            TopicType.Json => JsonNode.Parse(value.Span)?.ToJsonString() ?? "null",
            _ => Convert.ToHexString(value.Span),
        };
    }
}
