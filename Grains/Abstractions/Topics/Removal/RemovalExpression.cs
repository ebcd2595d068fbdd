using Topiary.Errors;

namespace Topiary.Topics.Removal;

/// <summary>
/// The removal policy language of the <c>REMOVAL</c> property (spec/updating.md UPD-80), for
/// example <c>when no updates for 15m after 1d</c> or
/// <c>when time after 1767225600000 and (subscriptions &lt; 2 for 10m after 1h or no updates for 20m)</c>.
/// Keywords ignore ASCII case; <c>and</c> binds tighter than <c>or</c>.
/// </summary>
public static class RemovalExpression
{
    private static readonly string[] Allowed = ["when <conditions> [remove '<selector>']"];

    /// <summary>
    /// Parses a policy into its condition tree. Fails with INVALID_SPECIFICATION whose details
    /// carry <c>property</c> = <c>REMOVAL</c>, <c>value</c>, <c>allowed</c>, <c>position</c>
    /// (0-based UTF-16 offset in <paramref name="text"/>) and <c>expected</c>. Never throws
    /// anything else for any non-null text. The quoted selector and session filters are
    /// checked only for being present and non-empty, not against their own grammars.
    /// </summary>
    public static RemovalPolicy Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new RemovalParser(text).ParsePolicy();
    }

    /// <summary>Checks the syntax of a policy; throws as <see cref="Parse"/> does.</summary>
    public static void Validate(string text) => Parse(text);

    internal static TopiaryException Error(string text, int position, string expected, string problem) =>
        SpecificationErrors.AtPosition(TopicProperties.Removal, text, Allowed, position, expected, problem);
}
