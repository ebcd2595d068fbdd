using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Topics;

/// <summary>
/// Builds INVALID_SPECIFICATION errors with the details of spec/errors.md ERR-10:
/// <c>property</c>, <c>value</c>, <c>allowed</c> (always an array of strings) and, for
/// expressions, <c>position</c> (UTF-16 offset inside the value) and <c>expected</c>.
/// </summary>
internal static class SpecificationErrors
{
    public static TopiaryException Invalid(
        string? property,
        string? value,
        IEnumerable<string> allowed,
        string message,
        int? position = null,
        string? expected = null,
        string? reason = null)
    {
        var allowedArray = new JsonArray();
        foreach (var item in allowed)
        {
            allowedArray.Add(item);
        }
        var details = new JsonObject();
        if (property is not null)
        {
            details["property"] = property;
        }
        details["value"] = value;
        details["allowed"] = allowedArray;
        if (position is { } p)
        {
            details["position"] = p;
        }
        if (expected is not null)
        {
            details["expected"] = expected;
        }
        if (reason is not null)
        {
            details["reason"] = reason;
        }
        return TopiaryException.Create(ErrorCode.InvalidSpecification, message, details);
    }

    /// <summary>Error of an expression-valued property, with the offending position.</summary>
    public static TopiaryException AtPosition(
        string? property, string value, IEnumerable<string> allowed, int position, string expected, string problem)
    {
        var subject = property is null ? "expression" : $"property {property}";
        return Invalid(
            property,
            value,
            allowed,
            $"{problem} at position {position} of {subject} '{value}'; expected {expected}",
            position,
            expected);
    }
}
