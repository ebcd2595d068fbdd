using Topiary.Errors;
using Topiary.Views;

namespace Topiary.Tests.Abstractions.Views;

/// <summary>Assertions for parsing view specifications: canonical round trips and positioned errors (VIEW-95).</summary>
internal static class ViewAssert
{
    /// <summary>Parses, then checks that the canonical text parses back to the same canonical text.</summary>
    public static ViewSpecification Valid(string text)
    {
        var parsed = ViewSpecification.Parse(text);
        var canonical = parsed.ToString();
        var again = ViewSpecification.Parse(canonical);
        Assert.Equal(canonical, again.ToString());
        return parsed;
    }

    /// <summary>Asserts the error's reason and, when given, its 1-based column on line 1; checks the details agree.</summary>
    public static TopiaryException Invalid(string text, string reason, int? column = null)
    {
        var error = Assert.ThrowsAny<TopiaryException>(() => ViewSpecification.Parse(text));
        Assert.Equal(ErrorCode.InvalidViewSpecification, error.Code);
        var details = error.Error.Details!;
        Assert.Equal(reason, details["reason"]!.GetValue<string>());
        Assert.StartsWith($"INVALID_VIEW_SPECIFICATION: {reason}: ", error.Message, StringComparison.Ordinal);
        if (column is int expectedColumn)
        {
            Assert.Equal(expectedColumn, details["column"]!.GetValue<int>());
        }
        CheckConsistent(text, error);
        return error;
    }

    /// <summary>
    /// Asserts the error's reason and that it points at the first occurrence of <paramref name="at"/>
    /// in <paramref name="text"/> (the end of the text when <paramref name="at"/> is empty). A <c>|</c>
    /// in <paramref name="at"/> marks the position inside it: <c>"topics |preserve"</c>.
    /// </summary>
    public static TopiaryException InvalidAt(string text, string reason, string at)
    {
        var error = Invalid(text, reason);
        var bar = Math.Max(at.IndexOf('|', StringComparison.Ordinal), 0);
        var found = text.IndexOf(at.Replace("|", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var expected = at.Length == 0 ? text.Length : found + bar;
        Assert.True(at.Length == 0 || found >= 0, $"'{at}' does not occur in the test text");
        Assert.Equal(expected, error.Error.Details!["offset"]!.GetValue<int>());
        return error;
    }

    /// <summary>Details are well-formed: offset in range, line/column match the offset, expected present.</summary>
    public static void CheckConsistent(string text, TopiaryException error)
    {
        var details = error.Error.Details!;
        var offset = details["offset"]!.GetValue<int>();
        Assert.InRange(offset, 0, text.Length);
        var (line, column) = (details["line"]!.GetValue<int>(), details["column"]!.GetValue<int>());
        // CR LF, LF and a lone CR each end a line.
        var lines = System.Text.RegularExpressions.Regex.Split(text[..offset], "\r\n|\r|\n");
        Assert.Equal(lines.Length, line);
        Assert.Equal(lines[^1].Length + 1, column);
        Assert.NotNull(details["token"]);
        Assert.False(string.IsNullOrEmpty(details["expected"]!.GetValue<string>()));
        Assert.Contains($"at line {line}, column {column}", error.Message, StringComparison.Ordinal);
    }
}
