using System.Text;
using Topiary.Topics.Removal;
using static Topiary.Topics.TopicType;

namespace Topiary.Topics;

/// <summary>One row of the property table of spec/topics.md TOP-22: key, kind, allowed values, types it applies to.</summary>
internal sealed class PropertyDefinition
{
    private static readonly TopicType[] AllTypes = [Json, TopicType.String, TopicType.Int64, TopicType.Double, Binary, TimeSeries];
    private static readonly TopicType[] AllButTimeSeries = [Json, TopicType.String, TopicType.Int64, TopicType.Double, Binary];
    private static readonly TopicType[] DeltaTypes = [Json, TopicType.String, Binary, TimeSeries];
    private static readonly TopicType[] TimeSeriesOnly = [TimeSeries];
    private static readonly string[] Booleans = ["true", "false"];
    private static readonly string[] TimeSeriesConflation = ["off", "unsubscribe"];

    /// <summary>The table, in the order of TOP-22.</summary>
    public static readonly PropertyDefinition[] All =
    [
        new(TopicProperties.PublishValuesOnly, PropertyKind.Boolean, Booleans, DeltaTypes),
        new(TopicProperties.DontRetainValue, PropertyKind.Boolean, Booleans, AllButTimeSeries),
        new(TopicProperties.TidyOnUnsubscribe, PropertyKind.Boolean, Booleans, AllTypes),
        new(TopicProperties.ValidateValues, PropertyKind.Boolean, Booleans, AllTypes),
        new(TopicProperties.Persistent, PropertyKind.Boolean, Booleans, AllTypes),
        new(TopicProperties.Removal, PropertyKind.Removal, ["when <conditions> [remove '<selector>']"], AllTypes),
        new(TopicProperties.Conflation, PropertyKind.Enumeration, ["off", "conflate", "unsubscribe", "always"], AllTypes),
        new(TopicProperties.Owner, PropertyKind.Owner, ["$Principal is \"name\"", "$Principal is 'name'"], AllTypes),
        new(TopicProperties.Priority, PropertyKind.Enumeration, ["low", "default", "high"], AllTypes),
        new(TopicProperties.Compression, PropertyKind.Enumeration, ["off", "low", "medium", "high", "true", "false"], DeltaTypes),
        new(TopicProperties.TimeSeriesEventValueType, PropertyKind.Enumeration, ["json", "string", "int64", "double", "binary"], TimeSeriesOnly),
        new(TopicProperties.TimeSeriesRetainedRange, PropertyKind.Range, RangeExpressionParser.Allowed, TimeSeriesOnly),
        new(TopicProperties.TimeSeriesSubscriptionRange, PropertyKind.Range, RangeExpressionParser.Allowed, TimeSeriesOnly),
        new(TopicProperties.Schema, PropertyKind.Text, ["any text"], []),
        new(TopicProperties.HistoryRange, PropertyKind.Range, RangeExpressionParser.Allowed, AllButTimeSeries, TopicLimits.MaxHistoryLimit),
    ];

    private readonly TopicType[] _types;
    private readonly int _maxLimit;

    private PropertyDefinition(string key, PropertyKind kind, string[] allowed, TopicType[] types, int maxLimit = int.MaxValue)
    {
        Key = key;
        Kind = kind;
        Allowed = allowed;
        _types = types;
        _maxLimit = maxLimit;
    }

    public string Key { get; }

    public PropertyKind Kind { get; }

    public string[] Allowed { get; }

    public bool AppliesTo(TopicType type) => Array.IndexOf(_types, type) >= 0;

    /// <summary>Finds a definition by key, ignoring ASCII case only (so no look-alike letters match).</summary>
    public static bool TryFind(string key, out PropertyDefinition definition)
    {
        foreach (var candidate in All)
        {
            if (Ascii.EqualsIgnoreCase(key, candidate.Key))
            {
                definition = candidate;
                return true;
            }
        }
        definition = null!;
        return false;
    }

    /// <summary>The row of a canonical key in <see cref="All"/>.</summary>
    public static int IndexOf(string key)
    {
        for (var i = 0; i < All.Length; i++)
        {
            if (All[i].Key == key)
            {
                return i;
            }
        }
        throw new ArgumentException($"Unknown property '{key}'.", nameof(key));
    }

    /// <summary>Validates <paramref name="value"/> for a topic of <paramref name="type"/> and returns its canonical form (TOP-20).</summary>
    public string Canonicalize(string value, TopicType type)
    {
        switch (Kind)
        {
            case PropertyKind.Boolean:
            case PropertyKind.Enumeration:
                var allowed = Key == TopicProperties.Conflation && type == TimeSeries ? TimeSeriesConflation : Allowed;
                foreach (var candidate in allowed)
                {
                    if (Ascii.EqualsIgnoreCase(value, candidate))
                    {
                        return candidate;
                    }
                }
                var scope = allowed == TimeSeriesConflation ? " for TIME_SERIES topics" : string.Empty;
                throw SpecificationErrors.Invalid(
                    Key, value, allowed, $"property {Key} has value '{value}'; allowed values{scope} are {string.Join(", ", allowed)}");
            case PropertyKind.Range:
                RangeExpressionParser.Parse(value, Key, _maxLimit);
                return value;
            case PropertyKind.Removal:
                RemovalExpression.Validate(value);
                return value;
            case PropertyKind.Owner:
                OwnerExpression.ParsePrincipal(value);
                return value;
            default:
                return value;
        }
    }
}
