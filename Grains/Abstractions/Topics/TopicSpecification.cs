using System.Collections.ObjectModel;
using System.Text.Json.Nodes;
using Topiary.Errors;
using Topiary.Topics.Removal;

namespace Topiary.Topics;

/// <summary>
/// A topic's type and properties (spec/topics.md TOP-20..TOP-24). Immutable; every instance
/// was validated by <see cref="Create"/>, so its properties are known keys with valid values.
/// </summary>
/// <remarks>
/// <see cref="Properties"/> is the canonical map as stored and sent on the wire: keys upper
/// case; booleans and enumerations lower case; expressions and text as given. The typed
/// accessors give <em>effective</em> values: the property's value when it is set and applies
/// to <see cref="Type"/>, otherwise its default. Two equivalent specifications
/// (<see cref="IsEquivalentTo"/>) therefore have identical effective values.
/// Equals is reference equality; compare specifications with <see cref="IsEquivalentTo"/>.
/// </remarks>
public sealed class TopicSpecification
{
    private static readonly char[] ExpressionWhitespace = [' ', '\t', '\r', '\n'];

    // Effective canonical value per row of PropertyDefinition.All; null = absent with no default.
    private readonly string?[] _effective;

    private TopicSpecification(TopicType type, IReadOnlyDictionary<string, string> properties)
    {
        Type = type;
        Properties = properties;
        _effective = new string?[PropertyDefinition.All.Length];
        // Table order puts DONT_RETAIN_VALUE and PUBLISH_VALUES_ONLY before the ranges whose defaults read them.
        for (var i = 0; i < _effective.Length; i++)
        {
            _effective[i] = ComputeEffective(PropertyDefinition.All[i]);
        }
        // Accessors are read on every update, so they are plain fields computed once here.
        Persistent = IsTrue(TopicProperties.Persistent);
        DontRetainValue = IsTrue(TopicProperties.DontRetainValue);
        PublishValuesOnly = IsTrue(TopicProperties.PublishValuesOnly);
        ValidateValues = IsTrue(TopicProperties.ValidateValues);
        TidyOnUnsubscribe = IsTrue(TopicProperties.TidyOnUnsubscribe);
        Conflation = Effective(TopicProperties.Conflation)!;
        Priority = Effective(TopicProperties.Priority)!;
        Compression = Effective(TopicProperties.Compression)!;
        HistoryRange = RangeExpression.Parse(Effective(TopicProperties.HistoryRange)!);
        var owner = Effective(TopicProperties.Owner);
        OwnerPrincipal = owner is null ? null : OwnerExpression.ParsePrincipal(owner);
        Removal = Effective(TopicProperties.Removal);
        RemovalPolicy = Removal is null ? null : RemovalExpression.Parse(Removal);
    }

    /// <summary>The topic type.</summary>
    public TopicType Type { get; }

    /// <summary>The canonical property map (TOP-20), sorted by key; includes properties that do not apply to <see cref="Type"/>.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>Effective <c>PERSISTENT</c>; default true.</summary>
    public bool Persistent { get; }

    /// <summary>Effective <c>DONT_RETAIN_VALUE</c>; default false (and false for TIME_SERIES).</summary>
    public bool DontRetainValue { get; }

    /// <summary>Effective <c>PUBLISH_VALUES_ONLY</c>; default false (and false for INT64 and DOUBLE, which never use deltas).</summary>
    public bool PublishValuesOnly { get; }

    /// <summary>Effective <c>VALIDATE_VALUES</c>; default false.</summary>
    public bool ValidateValues { get; }

    /// <summary>Effective <c>TIDY_ON_UNSUBSCRIBE</c>; default false.</summary>
    public bool TidyOnUnsubscribe { get; }

    /// <summary>Effective <c>CONFLATION</c>: <c>off</c>, <c>conflate</c> (the default), <c>unsubscribe</c> or <c>always</c>.</summary>
    public string Conflation { get; }

    /// <summary>Effective <c>PRIORITY</c>: <c>low</c>, <c>default</c> (the default) or <c>high</c>.</summary>
    public string Priority { get; }

    /// <summary>
    /// Effective <c>COMPRESSION</c>: <c>off</c>, <c>low</c> (the default), <c>medium</c> or
    /// <c>high</c>; legacy <c>true</c> reads as <c>medium</c> and <c>false</c> as <c>off</c>.
    /// </summary>
    public string Compression { get; }

    /// <summary>
    /// Effective <c>HISTORY_RANGE</c>: the property when set, else <c>limit 128</c>, or
    /// <c>limit 0</c> when <see cref="DontRetainValue"/> is true.
    /// </summary>
    public RangeExpression HistoryRange { get; }

    /// <summary>The principal named by <c>OWNER</c> (unquoted, escapes removed), or null when absent.</summary>
    public string? OwnerPrincipal { get; }

    /// <summary>The <c>REMOVAL</c> policy text without surrounding whitespace, or null when absent.</summary>
    public string? Removal { get; }

    /// <summary>The parsed <c>REMOVAL</c> policy, or null when absent. Not evaluated by this release.</summary>
    public RemovalPolicy? RemovalPolicy { get; }

    /// <summary>
    /// Validates and canonicalises a specification. Property keys and enumerated values
    /// ignore ASCII case. Fails with INVALID_SPECIFICATION (details <c>property</c>,
    /// <c>value</c>, <c>allowed</c>, and <c>position</c>/<c>expected</c> for expressions) for:
    /// an unknown key; the same key given twice in different cases (<c>reason</c> =
    /// <c>DUPLICATE_PROPERTY</c>); a null value; a value not allowed for the key (for
    /// TIME_SERIES, <c>CONFLATION</c> allows only <c>off</c> and <c>unsubscribe</c>); a
    /// <c>HISTORY_RANGE</c> limit above 10,000; a missing <c>TIME_SERIES_EVENT_VALUE_TYPE</c>
    /// on TIME_SERIES. A valid TIME_SERIES specification then fails with UNSUPPORTED
    /// (details <c>feature</c> = <c>TIME_SERIES</c>) until that type is implemented.
    /// </summary>
    public static TopicSpecification Create(TopicType type, IReadOnlyDictionary<string, string>? properties = null)
    {
        if (!Enum.IsDefined(type))
        {
            throw SpecificationErrors.Invalid(
                "TYPE", ((int)type).ToString(System.Globalization.CultureInfo.InvariantCulture), TopicTypes.AllWireNames, $"unknown topic type {(int)type}");
        }
        var canonical = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in properties ?? ReadOnlyDictionary<string, string>.Empty)
        {
            if (!PropertyDefinition.TryFind(key, out var definition))
            {
                throw SpecificationErrors.Invalid(
                    key, value, TopicProperties.All, $"unknown property '{key}'; known properties are {string.Join(", ", TopicProperties.All)}");
            }
            if (value is null)
            {
                throw SpecificationErrors.Invalid(
                    definition.Key, null, definition.Allowed, $"property {definition.Key} has no value; allowed values are {string.Join(", ", definition.Allowed)}");
            }
            if (!canonical.TryAdd(definition.Key, definition.Canonicalize(value, type)))
            {
                throw SpecificationErrors.Invalid(
                    definition.Key, value, definition.Allowed, $"property {definition.Key} is given more than once ('{key}')", reason: "DUPLICATE_PROPERTY");
            }
        }
        if (type == TopicType.TimeSeries)
        {
            RejectTimeSeries(canonical);
        }
        return new TopicSpecification(type, new ReadOnlyDictionary<string, string>(canonical));
    }

    /// <summary>
    /// Whether the two specifications are equivalent (TOP-24): same type and, for every known
    /// property that applies to the type, equal effective values — absent means default;
    /// booleans and enumerations compare canonically with <c>COMPRESSION</c> <c>true</c> =
    /// <c>medium</c> and <c>false</c> = <c>off</c>; <c>REMOVAL</c> and <c>OWNER</c> compare as
    /// text after trimming surrounding whitespace; range expressions compare by meaning
    /// (<c>last 1h</c> = <c>last 3600s</c>).
    /// </summary>
    public bool IsEquivalentTo(TopicSpecification other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Type == other.Type && _effective.AsSpan().SequenceEqual(other._effective);
    }

    /// <summary>
    /// The effective canonical value of a known property (<c>true</c>, <c>medium</c>,
    /// <c>limit 128</c>, trimmed policy text), or null when it is absent and has no default.
    /// The default is returned for a property that does not apply to <see cref="Type"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not a known property key.</exception>
    public string? GetEffectiveValue(string key) =>
        PropertyDefinition.TryFind(key, out var definition)
            ? Effective(definition.Key)
            : throw new ArgumentException($"Unknown property '{key}'.", nameof(key));

    /// <summary>The type's wire name and the canonical properties, for logs: <c>JSON{PERSISTENT=false}</c>.</summary>
    public override string ToString() =>
        $"{Type.WireName()}{{{string.Join(", ", Properties.Select(p => $"{p.Key}={p.Value}"))}}}";

    private string? Effective(string key) => _effective[PropertyDefinition.IndexOf(key)];

    private bool IsTrue(string key) => Effective(key) == "true";

    private string? ComputeEffective(PropertyDefinition definition)
    {
        if (!definition.AppliesTo(Type) || !Properties.TryGetValue(definition.Key, out var value))
        {
            return DefaultOf(definition.Key);
        }
        return definition.Kind switch
        {
            PropertyKind.Enumeration when definition.Key == TopicProperties.Compression => value switch
            {
                "true" => "medium",
                "false" => "off",
                _ => value,
            },
            PropertyKind.Range => RangeExpression.Parse(value).ToString(),
            PropertyKind.Removal or PropertyKind.Owner => value.Trim(ExpressionWhitespace),
            _ => value,
        };
    }

    private string? DefaultOf(string key) => key switch
    {
        TopicProperties.Persistent => "true",
        TopicProperties.PublishValuesOnly or TopicProperties.DontRetainValue
            or TopicProperties.TidyOnUnsubscribe or TopicProperties.ValidateValues => "false",
        TopicProperties.Conflation => Type == TopicType.TimeSeries ? "off" : "conflate",
        TopicProperties.Priority => "default",
        TopicProperties.Compression => "low",
        TopicProperties.TimeSeriesRetainedRange => "limit 10",
        TopicProperties.TimeSeriesSubscriptionRange => IsTrue(TopicProperties.PublishValuesOnly) ? "limit 0" : "limit 1",
        TopicProperties.HistoryRange => IsTrue(TopicProperties.DontRetainValue) ? "limit 0" : $"limit {TopicLimits.DefaultHistoryLimit}",
        _ => null,
    };

    private static void RejectTimeSeries(SortedDictionary<string, string> properties)
    {
        if (!properties.ContainsKey(TopicProperties.TimeSeriesEventValueType))
        {
            var definition = PropertyDefinition.All[PropertyDefinition.IndexOf(TopicProperties.TimeSeriesEventValueType)];
            throw SpecificationErrors.Invalid(
                definition.Key, null, definition.Allowed, $"TIME_SERIES topics need property {definition.Key}: one of {string.Join(", ", definition.Allowed)}");
        }
        throw TopiaryException.Create(
            ErrorCode.Unsupported,
            "TIME_SERIES topics are not supported yet",
            new JsonObject { ["feature"] = "TIME_SERIES" });
    }
}
