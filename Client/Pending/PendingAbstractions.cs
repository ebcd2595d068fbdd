// TEMPORARY: stand-ins for types being written on the `topicmodel` and `selectors` branches
// (Grains/Abstractions). They carry the agreed names so the SDK compiles until those branches
// land; this file is deleted when they are merged. Do not use anything here beyond those names.
#pragma warning disable CA1034, CA1062, CA1308, CA1720, CA1052
using System.Text.RegularExpressions;
using Topiary.Errors;

namespace Topiary.Topics
{
    public enum TopicType { Json, String, Int64, Double, Binary, TimeSeries }

    public static class TopicTypes
    {
        public static string WireName(this TopicType type) => type switch
        {
            TopicType.Json => "JSON",
            TopicType.String => "STRING",
            TopicType.Int64 => "INT64",
            TopicType.Double => "DOUBLE",
            TopicType.Binary => "BINARY",
            _ => "TIME_SERIES",
        };

        public static TopicType Parse(string name) => name.ToUpperInvariant() switch
        {
            "JSON" => TopicType.Json,
            "STRING" => TopicType.String,
            "INT64" => TopicType.Int64,
            "DOUBLE" => TopicType.Double,
            "BINARY" => TopicType.Binary,
            "TIME_SERIES" => TopicType.TimeSeries,
            _ => throw TopiaryException.Create(ErrorCode.InvalidSpecification, $"unknown topic type '{name}'"),
        };
    }

    public sealed class TopicSpecification
    {
        private TopicSpecification(TopicType type, IReadOnlyDictionary<string, string> properties)
        {
            Type = type;
            Properties = properties;
        }

        public TopicType Type { get; }

        public IReadOnlyDictionary<string, string> Properties { get; }

        public static TopicSpecification Create(TopicType type, IReadOnlyDictionary<string, string>? properties = null)
        {
            var copy = new Dictionary<string, string>(StringComparer.Ordinal);
            if (properties is not null)
            {
                foreach (var (key, value) in properties)
                {
                    copy[key.ToUpperInvariant()] = value;
                }
            }
            return new TopicSpecification(type, copy);
        }
    }

    public static class TopicPath
    {
        public static void Validate(string path)
        {
            if (string.IsNullOrEmpty(path) || path[0] == '/' || path[^1] == '/' || path.Contains("//", StringComparison.Ordinal))
            {
                throw TopiaryException.Create(ErrorCode.InvalidPath, $"invalid path '{path}'");
            }
        }
    }
}

namespace Topiary.Selectors
{
    public sealed class TopicSelector
    {
        private readonly Regex _regex;

        private TopicSelector(Regex regex) => _regex = regex;

        public static TopicSelector Parse(string selector)
        {
            if (string.IsNullOrEmpty(selector) || selector[0] is '$' or '%' or '&' or '<' || selector == "?")
            {
                throw TopiaryException.Create(ErrorCode.InvalidSelector, $"invalid selector '{selector}'");
            }
            if (selector[0] == '?')
            {
                var body = selector[1..];
                var descendants = body.EndsWith("//", StringComparison.Ordinal);
                body = descendants ? body[..^2] : body;
                try
                {
                    return new TopicSelector(new Regex("^" + body + (descendants ? "(/.*)?$" : "$"), RegexOptions.None, TimeSpan.FromSeconds(1)));
                }
                catch (ArgumentException)
                {
                    throw TopiaryException.Create(ErrorCode.InvalidSelector, $"invalid selector '{selector}'");
                }
            }
            var path = selector[0] == '>' ? selector[1..] : selector;
            Topiary.Topics.TopicPath.Validate(path);
            return new TopicSelector(new Regex("^" + Regex.Escape(path) + "$", RegexOptions.None, TimeSpan.FromSeconds(1)));
        }

        public bool Matches(string path) => _regex.IsMatch(path);
    }
}
