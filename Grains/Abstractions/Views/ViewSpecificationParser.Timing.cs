namespace Topiary.Views;

// throttle (VIEW-43) and delay (VIEW-44).
internal sealed partial class ViewSpecificationParser
{
    private const string Units = "'second(s)', 'minute(s)' or 'hour(s)'";
    private static readonly TimeSpan MaxThrottlePeriod = TimeSpan.FromHours(24);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromHours(168);

    private ThrottleOption ParseThrottle()
    {
        RequireWhitespace("'to'");
        ExpectKeyword("to");
        RequireWhitespace("the number of updates");
        var countAt = _pos;
        var count = ReadCount();
        if (count is not (>= 1 and <= 1_000_000))
        {
            throw Error(ViewErrorReason.InvalidThrottle, countAt, "an integer from 1 to 1,000,000", "count must be a positive integer of at most 1,000,000");
        }
        RequireWhitespace("'updates'");
        var word = PeekWord();
        if (word is not ("update" or "updates"))
        {
            throw Error(ViewErrorReason.SyntaxError, _pos, "'update' or 'updates'", "missing 'updates'");
        }
        _pos += word.Length;
        RequireWhitespace("'every'");
        ExpectKeyword("every");
        RequireWhitespace("a period such as '5 seconds' or 'minute'");
        var periodAt = _pos;
        TimeSpan period;
        if (char.IsAsciiDigit(_text[_pos]))
        {
            period = Duration(ViewErrorReason.InvalidThrottle, "period");
        }
        else
        {
            var unit = PeekWord();
            period = unit switch
            {
                "second" => TimeSpan.FromSeconds(1),
                "minute" => TimeSpan.FromMinutes(1),
                "hour" => TimeSpan.FromHours(1),
                _ => throw Error(ViewErrorReason.InvalidThrottle, _pos, "an amount and a unit, or 'second', 'minute' or 'hour'", "invalid throttle period"),
            };
            _pos += unit.Length;
        }
        if (period < TimeSpan.FromSeconds(1) || period > MaxThrottlePeriod)
        {
            throw Error(ViewErrorReason.InvalidThrottle, periodAt, "a period from 1 second to 24 hours", "period out of range");
        }
        return new ThrottleOption((int)count, period);
    }

    private TimeSpan ParseDelay()
    {
        RequireWhitespace("'by'");
        ExpectKeyword("by");
        RequireWhitespace("a duration such as '10 seconds'");
        var at = _pos;
        var delay = Duration(ViewErrorReason.InvalidDelay, "delay");
        if (delay < TimeSpan.FromSeconds(1) || delay > MaxDelay)
        {
            throw Error(ViewErrorReason.InvalidDelay, at, "a duration from 1 second to 168 hours", "delay out of range");
        }
        return delay;
    }

    /// <summary><c>int ws unit</c>; amounts too large for any unit come back above every maximum.</summary>
    private TimeSpan Duration(string reason, string what)
    {
        var at = _pos;
        var amount = ReadCount();
        if (amount is null)
        {
            throw Error(reason, at, "a whole number then " + Units, $"the {what} amount must be a non-negative integer");
        }
        RequireWhitespace(Units);
        var unit = PeekWord();
        var seconds = unit switch
        {
            "second" or "seconds" => 1L,
            "minute" or "minutes" => 60L,
            "hour" or "hours" => 3600L,
            _ => throw Error(reason, _pos, Units, $"unknown {what} unit"),
        };
        _pos += unit.Length;
        return amount.Value > 168 * 3600 ? TimeSpan.MaxValue : TimeSpan.FromSeconds(amount.Value * seconds);
    }
}
