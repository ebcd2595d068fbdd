using System.Text;

namespace Topiary.Topics;

/// <summary>Parser of TOP-23 range expressions; tokens are runs of non-whitespace characters.</summary>
internal static class RangeExpressionParser
{
    // TimeSpan holds at most this many whole milliseconds.
    private const long MaxMilliseconds = long.MaxValue / TimeSpan.TicksPerMillisecond;

    private const string ExpectedConstraint = "'limit <count>' or 'last <duration>'";
    private const string ExpectedDuration = "a duration: digits followed by ms, s or h, such as 250ms, 10s or 2h";

    public static readonly string[] Allowed = ["limit <count>", "last <duration>", "last <duration> limit <count>"];

    /// <summary>Parses <paramref name="text"/>, rejecting a count above <paramref name="maxLimit"/>.</summary>
    public static RangeExpression Parse(string text, string? property, int maxLimit)
    {
        ArgumentNullException.ThrowIfNull(text);
        int? limit = null;
        TimeSpan? last = null;
        var position = ExpressionText.SkipWhitespace(text, 0);
        if (position == text.Length)
        {
            throw Error(text, property, position, ExpectedConstraint, "empty range expression");
        }
        var constraints = 0;
        while (position < text.Length)
        {
            if (constraints == 2)
            {
                throw Error(text, property, position, "the end of the expression", "unexpected text");
            }
            var (keywordStart, keywordEnd) = NextToken(text, position);
            var keyword = text.AsSpan(keywordStart, keywordEnd - keywordStart);
            var (valueStart, valueEnd) = NextToken(text, keywordEnd);
            if (Ascii.EqualsIgnoreCase(keyword, "limit"))
            {
                if (limit is not null)
                {
                    throw Error(text, property, keywordStart, ExpectedConstraint + ", each at most once", "second 'limit'");
                }
                limit = ParseCount(text, property, valueStart, valueEnd, maxLimit);
            }
            else if (Ascii.EqualsIgnoreCase(keyword, "last"))
            {
                if (last is not null)
                {
                    throw Error(text, property, keywordStart, ExpectedConstraint + ", each at most once", "second 'last'");
                }
                last = ParseDuration(text, property, valueStart, valueEnd);
            }
            else
            {
                throw Error(text, property, keywordStart, ExpectedConstraint, "unknown constraint");
            }
            constraints++;
            position = ExpressionText.SkipWhitespace(text, valueEnd);
        }
        return new RangeExpression(limit, last);
    }

    private static (int Start, int End) NextToken(string text, int position)
    {
        var start = ExpressionText.SkipWhitespace(text, position);
        var end = start;
        while (end < text.Length && !ExpressionText.IsWhitespace(text[end]))
        {
            end++;
        }
        return (start, end);
    }

    private static int ParseCount(string text, string? property, int start, int end, int maxLimit)
    {
        var expected = $"a count from 0 to {maxLimit}";
        if (start == end)
        {
            throw Error(text, property, start, expected, "missing count");
        }
        long value = 0;
        for (var i = start; i < end; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                throw Error(text, property, i, expected, "invalid count");
            }
            value = (value * 10) + (text[i] - '0');
            if (value > maxLimit)
            {
                throw Error(text, property, start, expected, "count too large");
            }
        }
        return (int)value;
    }

    private static TimeSpan ParseDuration(string text, string? property, int start, int end)
    {
        if (start == end)
        {
            throw Error(text, property, start, ExpectedDuration, "missing duration");
        }
        var digitsEnd = start;
        long value = 0;
        while (digitsEnd < end && char.IsAsciiDigit(text[digitsEnd]))
        {
            // Saturate instead of overflowing; the range check below reports it.
            value = value > MaxMilliseconds ? value : (value * 10) + (text[digitsEnd] - '0');
            digitsEnd++;
        }
        if (digitsEnd == start)
        {
            throw Error(text, property, start, ExpectedDuration, "invalid duration");
        }
        var unit = text.AsSpan(digitsEnd, end - digitsEnd);
        long scale;
        if (Ascii.EqualsIgnoreCase(unit, "ms"))
        {
            scale = 1;
        }
        else if (Ascii.EqualsIgnoreCase(unit, "s"))
        {
            scale = 1000;
        }
        else if (Ascii.EqualsIgnoreCase(unit, "h"))
        {
            scale = 3_600_000;
        }
        else
        {
            throw Error(text, property, digitsEnd, ExpectedDuration, "invalid duration unit");
        }
        if (value > MaxMilliseconds / scale)
        {
            throw Error(text, property, start, ExpectedDuration + $", at most {MaxMilliseconds}ms", "duration too large");
        }
        return TimeSpan.FromMilliseconds(value * scale);
    }

    private static Errors.TopiaryException Error(string text, string? property, int position, string expected, string problem) =>
        SpecificationErrors.AtPosition(property, text, Allowed, position, expected, problem);
}
