using System.Text.Json;
using Topiary.Cli;
using Topiary.Client.Topics;
using Topiary.Tests.EndToEnd;
using Topiary.Topics;

namespace Topiary.Tests.Cli.Commands;

/// <summary><c>topiary topics get</c> against a real gateway (TOP-6 path order, TOP-81 fetch).</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class TopicsGetCommandTests : GatewayTests
{
    [Fact]
    public async Task TOP_6_prints_one_line_per_topic_in_path_order_with_each_type_in_its_notation()
    {
        await using var session = await Sessions.AdminAsync(Gateway);
        await session.Topics.AddAndSetAsync("g/s", TopicType.String, "two\twords");
        await session.Topics.AddAndSetAsync("g/j", TopicType.Json, JsonValue.Parse("""{ "b": 1.10, "a": [true] }"""));
        await session.Topics.AddAndSetAsync("g/b", TopicType.Binary, new byte[] { 0, 255, 7 });
        await session.Topics.AddAndSetAsync("g/a/x", TopicType.Int64, long.MinValue);
        await session.Topics.AddAndSetAsync("g/a", TopicType.Double, 0.1);
        await session.Topics.AddAsync("g/a-z", TopicType.String);

        var run = await CliRunner.RunAsync(Gateway, "topics", "get", "?g//");

        run.AssertExit(ExitCodes.Success);
        Assert.Equal(
            ["g/a\t0.1", "g/a/x\t-9223372036854775808", "g/a-z\t", "g/b\tAP8H", "g/j\t{\"b\":1.10,\"a\":[true]}", "g/s\ttwo\\twords"],
            run.Lines);
        var paths = run.Lines.Select(line => line[..line.IndexOf('\t', StringComparison.Ordinal)]).ToList();
        Assert.Equal(paths.Order(TopicPathComparer.Instance), paths);
    }

    [Fact]
    public async Task Json_output_is_one_object_per_line_with_path_type_sequence_and_value()
    {
        await using var session = await Sessions.AdminAsync(Gateway);
        await session.Topics.AddAndSetAsync("j/doc", TopicType.Json, JsonValue.Parse("""{"qty": 10}"""));
        await session.Topics.AddAndSetAsync("j/n", TopicType.Int64, 5L);
        await session.Topics.AddAsync("j/empty", TopicType.String);

        var run = await CliRunner.RunAsync(Gateway, "topics", "get", "?j//", "--json");

        run.AssertExit(ExitCodes.Success);
        Assert.Equal(3, run.Lines.Count);
        Assert.Matches("""^\{"path":"j/doc","type":"JSON","sequence":\d+,"value":\{"qty":10\}\}$""", run.Lines[0]);
        Assert.Matches("""^\{"path":"j/empty","type":"STRING",("sequence":\d+,)?"value":null\}$""", run.Lines[1]);
        using var number = JsonDocument.Parse(run.Lines[2]);
        Assert.Equal(5, number.RootElement.GetProperty("value").GetInt64());
        Assert.Equal("INT64", number.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task TOP_81_limit_cuts_the_list_and_long_lists_are_fetched_page_by_page()
    {
        await using var session = await Sessions.AdminAsync(Gateway);
        var adds = Enumerable.Range(0, 520).Select(i => session.Topics.AddAndSetAsync($"many/{i:D4}", TopicType.Int64, (long)i));
        await Task.WhenAll(adds);

        var all = await CliRunner.RunAsync(Gateway, "topics", "get", "?many//");
        var limited = await CliRunner.RunAsync(Gateway, "topics", "get", "?many//", "--limit", "3");
        var none = await CliRunner.RunAsync(Gateway, "topics", "get", ">nothing/here");

        all.AssertExit(ExitCodes.Success);
        Assert.Equal(Enumerable.Range(0, 520).Select(i => $"many/{i:D4}\t{i}"), all.Lines);
        Assert.Equal(["many/0000\t0", "many/0001\t1", "many/0002\t2"], limited.AssertExit(ExitCodes.Success).Lines);
        Assert.Empty(none.AssertExit(ExitCodes.Success).Stdout);
    }

    [Fact]
    public async Task A_bad_selector_is_a_usage_error_with_its_position()
    {
        var run = await CliRunner.RunAsync(Gateway, "topics", "get", "?a/(b");

        run.AssertExit(ExitCodes.Usage);
        Assert.StartsWith("topiary: topics get: <selector>: INVALID_SELECTOR: ", run.ErrorLine, StringComparison.Ordinal);
    }
}
