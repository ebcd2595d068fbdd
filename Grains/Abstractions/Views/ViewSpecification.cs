using System.Diagnostics.CodeAnalysis;
using Topiary.Errors;
using Topiary.Selectors;

namespace Topiary.Views;

/// <summary>
/// A parsed topic view specification (spec/topic-views.md §3): immutable, pure, shared by the
/// server and the SDKs so both reject the same texts with the same positioned errors.
/// <see cref="ToString"/> is a canonical text that parses back to an equivalent specification.
/// </summary>
/// <param name="Selector">The <c>map</c> selector.</param>
/// <param name="Server">The <c>from</c> remote server name, or null for the local tree.</param>
/// <param name="Target">The <c>to</c> template.</param>
/// <param name="Transformations">The transformations in order (inserts last).</param>
/// <param name="Options">The options.</param>
public sealed record ViewSpecification(
    TopicSelector Selector,
    string? Server,
    PathTemplate Target,
    IReadOnlyList<ViewTransformation> Transformations,
    ViewOptions Options)
{
    /// <summary>The longest specification, in UTF-8 bytes (VIEW-5).</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>
    /// Whether only JSON sources are processed (VIEW-35): a <c>scalar</c> or <c>expand</c> directive,
    /// any transformation, or <c>as &lt;value()&gt;</c>.
    /// </summary>
    public bool JsonOnly => Target.ReadsValue || Transformations.Count > 0 || Options.ValuePointer is not null;

    /// <summary>
    /// Parses <paramref name="text"/>. Fails with <see cref="ErrorCode.InvalidViewSpecification"/>
    /// whose details carry <c>reason</c> (<see cref="ViewErrorReason"/>), <c>line</c>, <c>column</c>,
    /// <c>offset</c>, <c>token</c> and <c>expected</c> (VIEW-95); never throws anything else.
    /// </summary>
    public static ViewSpecification Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ViewSpecificationParser.Parse(text);
    }

    /// <summary>Parses without throwing; <paramref name="error"/> is the error <see cref="Parse"/> would raise.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out ViewSpecification? specification, [NotNullWhen(false)] out TopiaryException? error)
    {
        try
        {
            specification = Parse(text);
            error = null;
            return true;
        }
        catch (TopiaryException e) when (e.Code == ErrorCode.InvalidViewSpecification)
        {
            specification = null;
            error = e;
            return false;
        }
    }

    public override string ToString()
    {
        var mapping = $"map {DirectiveText.Clause(Selector.Expression)}"
            + (Server is null ? "" : $" from {Server}") + $" to {Target}";
        return string.Join(' ', [mapping, .. Transformations.Select(t => t.ToString()), .. Options.Clauses()]);
    }
}
