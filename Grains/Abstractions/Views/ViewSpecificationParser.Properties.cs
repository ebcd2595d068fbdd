using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Views;

// with properties (VIEW-41, VIEW-55).
internal sealed partial class ViewSpecificationParser
{
    /// <summary>The keys a view may set (VIEW-55); the others are known but not mappable.</summary>
    private static readonly string[] MappableProperties =
    [
        TopicProperties.Compression, TopicProperties.Conflation, TopicProperties.DontRetainValue, TopicProperties.Priority,
        TopicProperties.PublishValuesOnly, TopicProperties.TidyOnUnsubscribe, TopicProperties.HistoryRange,
        TopicProperties.TimeSeriesRetainedRange, TopicProperties.TimeSeriesSubscriptionRange,
    ];

    private List<KeyValuePair<string, string>> ParseProperties()
    {
        RequireWhitespace("'properties'");
        ExpectKeyword("properties");
        RequireWhitespace("a property such as CONFLATION:off");
        var properties = new List<KeyValuePair<string, string>>();
        while (true)
        {
            properties.Add(ParseProperty(properties));
            var before = _pos;
            SkipWhitespace();
            if (_pos >= _text.Length || _text[_pos] != ',')
            {
                _pos = before;
                return properties;
            }
            _pos++;
            SkipWhitespace();
        }
    }

    private KeyValuePair<string, string> ParseProperty(List<KeyValuePair<string, string>> earlier)
    {
        var keyAt = _pos;
        var key = WordOrString("a property key");
        SkipWhitespace();
        if (_pos >= _text.Length || _text[_pos] != ':')
        {
            throw Error(ViewErrorReason.SyntaxError, _pos, "':' then the property value", $"missing ':' after the property key '{key}'");
        }
        _pos++;
        SkipWhitespace();
        var valueAt = _pos;
        var value = WordOrString("a property value");
        if (!PropertyDefinition.TryFind(key, out var definition))
        {
            throw Error(ViewErrorReason.UnknownProperty, keyAt, string.Join(", ", MappableProperties), $"unknown property '{key}'", key);
        }
        if (Array.IndexOf(MappableProperties, definition.Key) < 0)
        {
            throw Error(ViewErrorReason.PropertyNotMappable, keyAt, string.Join(", ", MappableProperties),
                $"a view cannot set the property {definition.Key}", key);
        }
        if (earlier.Any(p => p.Key == definition.Key))
        {
            throw Error(ViewErrorReason.DuplicateOption, keyAt, "each property at most once", $"the property {definition.Key} is given twice", key);
        }
        try
        {
            // Values are validated as for a topic the property applies to; the reference type is not known yet.
            var type = definition.Key.StartsWith("TIME_SERIES", StringComparison.Ordinal) ? TopicType.TimeSeries : TopicType.Json;
            return new(definition.Key, definition.Canonicalize(value, type));
        }
        catch (TopiaryException e) when (e.Code == ErrorCode.InvalidSpecification)
        {
            throw Error(ViewErrorReason.InvalidPropertyValue, valueAt, string.Join(", ", definition.Allowed),
                e.Message.Replace("INVALID_SPECIFICATION: ", "", StringComparison.Ordinal), value);
        }
    }

    /// <summary>A bare word (letters, digits, <c>_</c>) or a quoted string.</summary>
    private string WordOrString(string what)
    {
        if (_pos < _text.Length && _text[_pos] is '\'' or '"')
        {
            return Text(ReadQuoted(what));
        }
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }
        return _pos > start
            ? _text[start.._pos]
            : throw Error(ViewErrorReason.SyntaxError, _pos, what + " (a word or a quoted string)", $"missing {what}");
    }
}
