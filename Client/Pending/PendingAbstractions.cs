// TEMPORARY: stand-in for TopicSelector, being written on the `selectors` branch
// (Grains/Abstractions/Selectors). It carries the agreed names (Parse, Selects) so the SDK
// compiles until that branch lands; this file is deleted when it is merged.
using System.Text.RegularExpressions;
using Topiary.Errors;

namespace Topiary.Selectors;

public sealed class TopicSelector
{
    private readonly Regex _regex;

    private TopicSelector(Regex regex) => _regex = regex;

    public static TopicSelector Parse(string expression)
    {
        if (string.IsNullOrEmpty(expression) || expression[0] is '$' or '%' or '&' or '<' || expression == "?")
        {
            throw TopiaryException.Create(ErrorCode.InvalidSelector, $"invalid selector '{expression}'");
        }
        if (expression[0] == '?')
        {
            var body = expression[1..];
            var descendants = body.EndsWith("//", StringComparison.Ordinal);
            body = descendants ? body[..^2] : body;
            try
            {
                return new TopicSelector(new Regex("^" + body + (descendants ? "(/.*)?$" : "$"), RegexOptions.None, TimeSpan.FromSeconds(1)));
            }
            catch (ArgumentException)
            {
                throw TopiaryException.Create(ErrorCode.InvalidSelector, $"invalid selector '{expression}'");
            }
        }
        var path = expression[0] == '>' ? expression[1..] : expression;
        Topiary.Topics.TopicPath.Validate(path);
        return new TopicSelector(new Regex("^" + Regex.Escape(path) + "$", RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    public bool Selects(string path) => _regex.IsMatch(path);
}
