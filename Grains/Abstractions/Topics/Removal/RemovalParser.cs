using System.Text;

namespace Topiary.Topics.Removal;

/// <summary>
/// Recursive-descent parser of the removal policy grammar of spec/updating.md UPD-80. One
/// instance parses one text. Nesting of parentheses is bounded so that no input can exhaust
/// the stack (spec/errors.md ERR-31).
/// </summary>
internal sealed class RemovalParser
{
    /// <summary>Deepest nesting of parentheses accepted (Topiary choice, as for JSON).</summary>
    public const int MaxNesting = 64;

    private const long MinPeriodSeconds = 1;
    private const long MaxPeriodSeconds = 365L * 24 * 3600;

    private const string ExpectedCondition =
        "a condition: 'time after', '[local] subscriptions <', 'no updates for', 'no [local] session has' or 'this session closes'";

    private const string ExpectedPeriod = "a period from 1s to 365d: digits followed by s, m, h or d, such as 10m";

    private readonly string _text;
    private readonly List<RemovalToken> _tokens;
    private int _index;
    private int _nesting;
    private bool _seenTime;
    private bool _seenSubscriptions;
    private bool _seenNoUpdates;

    public RemovalParser(string text)
    {
        _text = text;
        _tokens = RemovalLexer.Tokenize(text);
    }

    private RemovalToken Current => _tokens[_index];

    public RemovalPolicy ParsePolicy()
    {
        ExpectWord("when");
        var condition = ParseConditions();
        string? selector = null;
        if (AcceptWord("remove"))
        {
            selector = ExpectQuoted("a quoted topic selector such as '?a//'");
        }
        if (Current.Kind != RemovalTokenKind.End)
        {
            throw Unexpected("'and', 'or', 'remove' or the end of the policy");
        }
        return new RemovalPolicy(condition, selector);
    }

    private RemovalCondition ParseConditions()
    {
        var left = ParseAndGroup();
        while (AcceptWord("or"))
        {
            left = new OrCondition(left, ParseAndGroup());
        }
        return left;
    }

    private RemovalCondition ParseAndGroup()
    {
        var left = ParseTerm();
        while (AcceptWord("and"))
        {
            left = new AndCondition(left, ParseTerm());
        }
        return left;
    }

    private RemovalCondition ParseTerm()
    {
        if (Current.Kind != RemovalTokenKind.LeftParenthesis)
        {
            return ParseCondition();
        }
        if (++_nesting > MaxNesting)
        {
            throw RemovalExpression.Error(
                _text, Current.Start, $"at most {MaxNesting} nested parentheses", "parentheses nested too deeply");
        }
        _index++;
        var inner = ParseConditions();
        if (Current.Kind != RemovalTokenKind.RightParenthesis)
        {
            throw Unexpected("')', 'and' or 'or'");
        }
        _index++;
        _nesting--;
        return inner;
    }

    private RemovalCondition ParseCondition()
    {
        var start = Current;
        if (AcceptWord("time"))
        {
            Once(ref _seenTime, start, "time after");
            ExpectWord("after");
            return new TimeAfterCondition(ParseTime());
        }
        if (AcceptWord("local"))
        {
            ExpectWord("subscriptions");
            return ParseSubscriptions(start, local: true);
        }
        if (AcceptWord("subscriptions"))
        {
            return ParseSubscriptions(start, local: false);
        }
        if (AcceptWord("no"))
        {
            if (AcceptWord("updates"))
            {
                Once(ref _seenNoUpdates, start, "no updates");
                ExpectWord("for");
                var period = ParsePeriod();
                return new NoUpdatesCondition(period, ParseOptionalAfter());
            }
            var local = AcceptWord("local");
            if (!AcceptWord("session"))
            {
                throw Unexpected(local ? "'session'" : "'updates', 'session' or 'local'");
            }
            ExpectWord("has");
            var filter = ExpectQuoted("a quoted session filter such as '$Principal is \"alice\"'");
            TimeSpan? duration = AcceptWord("for") ? ParsePeriod() : null;
            return new NoSessionCondition(local, filter, duration, ParseOptionalAfter());
        }
        if (AcceptWord("this"))
        {
            ExpectWord("session");
            ExpectWord("closes");
            return new ThisSessionClosesCondition();
        }
        throw Unexpected(ExpectedCondition);
    }

    private SubscriptionsCondition ParseSubscriptions(RemovalToken start, bool local)
    {
        Once(ref _seenSubscriptions, start, "subscriptions");
        if (Current.Kind != RemovalTokenKind.Less)
        {
            throw Unexpected("'<'");
        }
        _index++;
        var count = ParseCount();
        ExpectWord("for");
        var period = ParsePeriod();
        return new SubscriptionsCondition(local, count, period, ParseOptionalAfter());
    }

    private TimeSpan? ParseOptionalAfter() => AcceptWord("after") ? ParsePeriod() : null;

    private DateTimeOffset ParseTime()
    {
        const string Expected = "milliseconds since the Unix epoch or a quoted RFC 1123 date such as 'Tue, 3 Jun 2025 11:05:30 GMT'";
        var token = Current;
        if (token.Kind == RemovalTokenKind.Quoted)
        {
            if (!Rfc1123Date.TryParse(token.Text, out var date))
            {
                throw RemovalExpression.Error(_text, token.Start, Expected, "invalid date");
            }
            _index++;
            return date;
        }
        if (token.Kind != RemovalTokenKind.Word || !TryParseDigits(token.Text, out var millis)
            || millis > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            throw Unexpected(Expected);
        }
        _index++;
        return DateTimeOffset.FromUnixTimeMilliseconds(millis);
    }

    private int ParseCount()
    {
        const string Expected = "a count from 1 to 2147483647";
        var token = Current;
        if (token.Kind != RemovalTokenKind.Word || !TryParseDigits(token.Text, out var count)
            || count < 1 || count > int.MaxValue)
        {
            throw Unexpected(Expected);
        }
        _index++;
        return (int)count;
    }

    private TimeSpan ParsePeriod()
    {
        var token = Current;
        var digits = token.Kind == RemovalTokenKind.Word ? CountDigits(token.Text) : 0;
        if (digits == 0)
        {
            throw Unexpected(ExpectedPeriod);
        }
        var amount = SaturatingValue(token.Text.AsSpan(0, digits));
        long? unitSeconds = token.Text.Length != digits + 1 ? null : char.ToLowerInvariant(token.Text[^1]) switch
        {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86400,
            _ => null,
        };
        if (unitSeconds is not { } unit)
        {
            var problem = token.Text.Length == digits ? "missing period unit" : "invalid period unit";
            throw RemovalExpression.Error(_text, token.Start + digits, ExpectedPeriod, problem);
        }
        // amount is at most 10^18 (saturated), unit at most 86400: compare without multiplying.
        if (amount < MinPeriodSeconds || amount > MaxPeriodSeconds / unit)
        {
            throw RemovalExpression.Error(_text, token.Start, ExpectedPeriod, "period out of range");
        }
        _index++;
        return TimeSpan.FromSeconds(amount * unit);
    }

    private static int CountDigits(string text)
    {
        var count = 0;
        while (count < text.Length && char.IsAsciiDigit(text[count]))
        {
            count++;
        }
        return count;
    }

    /// <summary>Parses a non-empty run of ASCII digits.</summary>
    private static bool TryParseDigits(string text, out long value)
    {
        var digits = CountDigits(text);
        value = digits > 0 && digits == text.Length ? SaturatingValue(text) : 0;
        return digits > 0 && digits == text.Length;
    }

    /// <summary>The value of ASCII digits, saturating at 10^18 so that huge numbers fail range checks instead of overflowing.</summary>
    private static long SaturatingValue(ReadOnlySpan<char> digits)
    {
        const long Saturated = 1_000_000_000_000_000_000;
        long value = 0;
        foreach (var c in digits)
        {
            value = value >= Saturated ? Saturated : (value * 10) + (c - '0');
        }
        return value;
    }

    private void Once(ref bool seen, RemovalToken start, string condition)
    {
        if (seen)
        {
            throw RemovalExpression.Error(
                _text, start.Start, $"'{condition}' at most once per policy", $"second '{condition}' condition");
        }
        seen = true;
    }

    private bool AcceptWord(string word)
    {
        if (Current.Kind == RemovalTokenKind.Word && Ascii.EqualsIgnoreCase(Current.Text, word))
        {
            _index++;
            return true;
        }
        return false;
    }

    private void ExpectWord(string word)
    {
        if (!AcceptWord(word))
        {
            throw Unexpected($"'{word}'");
        }
    }

    private string ExpectQuoted(string expected)
    {
        var token = Current;
        if (token.Kind != RemovalTokenKind.Quoted)
        {
            throw Unexpected(expected);
        }
        if (token.Text.Length == 0)
        {
            throw RemovalExpression.Error(_text, token.Start, expected, "empty quoted string");
        }
        _index++;
        return token.Text;
    }

    private Errors.TopiaryException Unexpected(string expected)
    {
        var token = Current;
        var problem = token.Kind switch
        {
            RemovalTokenKind.End => "unexpected end of policy",
            RemovalTokenKind.Quoted => "unexpected quoted string",
            _ => $"unexpected '{token.Text}'",
        };
        return RemovalExpression.Error(_text, token.Start, expected, problem);
    }
}
