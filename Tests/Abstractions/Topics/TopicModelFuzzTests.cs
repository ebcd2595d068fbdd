using System.Text;
using Topiary.Errors;
using Topiary.Topics;
using Topiary.Topics.Removal;

namespace Topiary.Tests.Abstractions.Topics;

/// <summary>
/// spec/errors.md ERR-31: each parser returns a result or the documented error, never anything
/// else. Fixed seeds keep failures reproducible; each test runs a few thousand inputs.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed class TopicModelFuzzTests
{
    private const int Iterations = 4000;

    private static readonly string[] RangeWords = ["limit", "LAST", "last", "Limit", "5", "0", "10000", "10s", "250ms", "2H", "1d", "-1", "99999999999999999999h", " ", "  ", "\t"];

    private static readonly string[] RemovalExamples =
    [
        "when time after 1767225600000",
        "when time after 'Tue, 3 Jun 2025 11:05:30 GMT' remove '*alpha/beta//'",
        "when subscriptions < 1 for 20m",
        "when local subscriptions < 2 for 20m after 1h",
        "when no updates for 15m after 1d",
        "when this session closes",
        "when no session has '$Principal is \"alice\"' for 5m",
        "when time after 1767225600000 and (subscriptions < 2 for 10m after 1h or no updates for 20m)",
    ];

    private static readonly string[] JsonPieces =
    [
        "{", "}", "[", "]", ",", ":", "\"a\"", "\"a\"", "\"\\u0061\"", "\"\\ud800\"", "\"é\"", "1", "-0.5e10", "01", "1e400", "true",
        "null", "nul", " ", "\n", "\"\\", "'", "//", "NaN",
    ];

    [Fact]
    public void ERR_31_range_parser_returns_a_range_or_INVALID_SPECIFICATION()
    {
        var random = new Random(2301);
        var outcomes = Run(Iterations, () =>
        {
            var text = random.Next(3) switch
            {
                0 => string.Join(random.Pick(" ", "\t", ""), Enumerable.Range(0, random.Next(5)).Select(_ => random.Pick(RangeWords))),
                1 => FuzzInput.Mutate(random, random.Pick("limit 5", "last 10s", "LAST 10S LIMIT 5", "last 2h limit 100")),
                _ => FuzzInput.Junk(random, 20),
            };
            return (text, () =>
            {
                var range = RangeExpression.Parse(text);
                Assert.Equal(range, RangeExpression.Parse(range.ToString()));
            });
        }, ErrorCode.InvalidSpecification);
        AssertBothOutcomes(outcomes);
    }

    [Fact]
    public void ERR_31_removal_parser_returns_a_policy_or_INVALID_SPECIFICATION()
    {
        var random = new Random(2302);
        var outcomes = Run(Iterations, () =>
        {
            var text = random.Next(3) switch
            {
                0 => "when " + RandomConditions(random, 0),
                1 => FuzzInput.Mutate(random, random.Pick(RemovalExamples)),
                _ => FuzzInput.Junk(random, 40),
            };
            return (text, () => RemovalExpression.Parse(text));
        }, ErrorCode.InvalidSpecification);
        AssertBothOutcomes(outcomes);
    }

    [Fact]
    public void ERR_31_OWNER_parser_returns_a_principal_or_INVALID_SPECIFICATION()
    {
        var random = new Random(2303);
        var outcomes = Run(Iterations, () =>
        {
            var text = random.Next(2) == 0
                ? FuzzInput.Mutate(random, random.Pick("$Principal is \"alice\"", "$Principal is 'o\\'brien'"))
                : "$Principal is " + FuzzInput.Junk(random, 12);
            return (text, () => TopicSpecification.Create(TopicType.Json, new Dictionary<string, string> { ["OWNER"] = text }));
        }, ErrorCode.InvalidSpecification);
        AssertBothOutcomes(outcomes);
    }

    [Fact]
    public void ERR_31_specifications_of_random_properties_are_created_or_fail_with_INVALID_SPECIFICATION_or_UNSUPPORTED()
    {
        var random = new Random(2304);
        var keys = TopicProperties.All.Concat(["persistent", "Priority", "NOPE", ""]).ToArray();
        var values = new[] { "true", "FALSE", "yes", "off", "always", "medium", "json", "limit 5", "limit 20000", "when this session closes", "$Principal is 'a'", "" };
        var outcomes = Run(Iterations, () =>
        {
            var properties = new Dictionary<string, string>();
            for (var i = random.Next(4); i > 0; i--)
            {
                var value = random.Next(4) == 0 ? FuzzInput.Mutate(random, random.Pick(values)) : random.Pick(values);
                properties[random.Pick(keys)] = value;
            }
            var type = random.Pick(Enum.GetValues<TopicType>());
            return (string.Join(";", properties.Select(p => $"{p.Key}={p.Value}")), () =>
            {
                var spec = TopicSpecification.Create(type, properties);
                Assert.True(spec.IsEquivalentTo(TopicSpecification.Create(type, spec.Properties)));
            });
        }, ErrorCode.InvalidSpecification, ErrorCode.Unsupported);
        AssertBothOutcomes(outcomes);
    }

    [Fact]
    public void ERR_31_JSON_validation_accepts_or_fails_with_INVALID_VALUE_or_LIMIT_EXCEEDED()
    {
        var random = new Random(2305);
        var outcomes = Run(Iterations, () =>
        {
            var text = random.Next(3) switch
            {
                0 => string.Concat(Enumerable.Range(0, random.Next(12)).Select(_ => random.Pick(JsonPieces))),
                1 => FuzzInput.Mutate(random, random.Pick("{\"a\":[1,2,{\"b\":null}],\"c\":\"d\"}", "[[[[[]]]]]", "\"x\"", "{\"a\":1,\"a\":2}")),
                _ => new string('[', random.Next(60, 70)) + new string(']', random.Next(60, 70)),
            };
            // Encoding.UTF8 turns unpaired surrogates into U+FFFD; the raw-byte case below covers invalid UTF-8.
            var bytes = Encoding.UTF8.GetBytes(text);
            var validate = random.Next(2) == 0;
            return (text, () => TopicValues.Validate(TopicType.Json, bytes, validate, 64));
        }, ErrorCode.InvalidValue, ErrorCode.LimitExceeded);
        AssertBothOutcomes(outcomes);
    }

    [Fact]
    public void ERR_31_random_bytes_of_every_type_are_accepted_or_fail_with_a_documented_code()
    {
        var random = new Random(2306);
        var outcomes = Run(Iterations, () =>
        {
            var bytes = new byte[random.Next(12)];
            random.NextBytes(bytes);
            var type = random.Pick(Enum.GetValues<TopicType>());
            var validate = random.Next(2) == 0;
            return (Convert.ToHexString(bytes), () =>
            {
                TopicValues.Validate(type, bytes, validate, 10);
                if (type is TopicType.String or TopicType.Json)
                {
                    Assert.Equal(bytes, Encoding.UTF8.GetBytes(TopicValues.DecodeString(bytes)));
                }
            });
        }, ErrorCode.InvalidValue, ErrorCode.LimitExceeded, ErrorCode.Unsupported);
        AssertBothOutcomes(outcomes);
    }

    private static string RandomConditions(Random random, int depth)
    {
        var term = depth < 3 && random.Next(5) == 0
            ? "(" + RandomConditions(random, depth + 1) + ")"
            : RandomCondition(random);
        return random.Next(3) switch
        {
            0 => term + random.Pick(" and ", " or ", " AND ", " or(") + RandomConditions(random, depth + 1),
            _ => term,
        };
    }

    private static string RandomCondition(Random random)
    {
        string Period() => random.Pick("1s", "10m", "2h", "1d", "365d", "366d", "0s", "5", "m");
        string After() => random.Next(2) == 0 ? "" : " after " + Period();
        return random.Next(6) switch
        {
            0 => "time after " + random.Pick("1767225600000", "'Tue, 3 Jun 2025 11:05:30 GMT'", "'3 Jun 2025 11:05 +0100'", "soon"),
            1 => random.Pick("", "local ") + "subscriptions < " + random.Pick("1", "2", "0") + " for " + Period() + After(),
            2 => "no updates for " + Period() + After(),
            3 => "no " + random.Pick("", "local ") + "session has '" + random.Pick("$Principal is \\'a\\'", "all", "") + "'" + (random.Next(2) == 0 ? " for " + Period() : "") + After(),
            4 => "this session closes",
            _ => "this session closes remove '?a//'",
        };
    }

    /// <summary>Runs generated cases; each must succeed or throw a TopiaryException with one of <paramref name="codes"/>.</summary>
    private static (int Accepted, int Rejected) Run(int iterations, Func<(string Input, Action Action)> next, params ErrorCode[] codes)
    {
        var accepted = 0;
        var rejected = 0;
        for (var i = 0; i < iterations; i++)
        {
            var (input, action) = next();
            try
            {
                action();
                accepted++;
            }
            catch (TopiaryException e) when (codes.Contains(e.Code))
            {
                if (e.Error.Details?["position"] is { } position)
                {
                    Assert.InRange(position.GetValue<int>(), 0, Math.Max(input.Length, 1 << 20));
                }
                rejected++;
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"case {i}, input '{FuzzInput.Show(input)}' threw {e}");
            }
        }
        return (accepted, rejected);
    }

    private static void AssertBothOutcomes((int Accepted, int Rejected) outcomes)
    {
        // A generator that only ever produced valid (or only invalid) input would test half the contract.
        Assert.True(outcomes.Accepted > Iterations / 50, $"only {outcomes.Accepted} inputs were accepted");
        Assert.True(outcomes.Rejected > Iterations / 50, $"only {outcomes.Rejected} inputs were rejected");
    }
}
