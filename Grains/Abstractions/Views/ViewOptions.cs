using Topiary.Topics;

namespace Topiary.Views;

/// <summary>The options of a specification (VIEW-41..VIEW-47); each given at most once.</summary>
public sealed record ViewOptions
{
    /// <summary>No options.</summary>
    public static ViewOptions None { get; } = new();

    /// <summary><c>with properties</c>: canonical keys to canonical values, in the order written.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Properties { get; init; }

    /// <summary><c>as &lt;value(pointer)&gt;</c>.</summary>
    public JsonPointer? ValuePointer { get; init; }

    /// <summary><c>throttle to N updates every P</c>.</summary>
    public ThrottleOption? Throttle { get; init; }

    /// <summary><c>delay by D</c>.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary><c>separator '…'</c>.</summary>
    public string? Separator { get; init; }

    /// <summary><c>preserve topics</c>.</summary>
    public bool PreserveTopics { get; init; }

    /// <summary><c>type T</c>.</summary>
    public TopicType? Type { get; init; }

    /// <summary>The options in canonical order, each as its clause text.</summary>
    public IEnumerable<string> Clauses()
    {
        if (Properties is not null)
        {
            yield return "with properties " + string.Join(", ", Properties.Select(p => $"{p.Key}:{Word(p.Value)}"));
        }
        if (ValuePointer is not null)
        {
            yield return $"as {new ValueDirective(ValuePointer)}";
        }
        if (Throttle is not null)
        {
            yield return Throttle.ToString();
        }
        if (Delay is TimeSpan delay)
        {
            yield return "delay by " + DurationText.Format(delay);
        }
        if (Separator is not null)
        {
            yield return "separator " + DirectiveText.Quote(Separator);
        }
        if (PreserveTopics)
        {
            yield return "preserve topics";
        }
        if (Type is TopicType type)
        {
            yield return "type " + type.WireName();
        }
    }

    private static string Word(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? value : DirectiveText.Quote(value);
}
