using System.Text.Json;
using Topiary.Cli;
using Topiary.Client.Topics;
using Topiary.Tests.EndToEnd;
using Topiary.Topics;

namespace Topiary.Tests.Cli.Commands;

/// <summary><c>topiary topics set</c> against a real gateway (TOP-20, add-and-set).</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class TopicsSetCommandTests : GatewayTests
{
    [Fact]
    public async Task Without_type_the_value_is_read_as_the_existing_topics_type()
    {
        await using var session = await Sessions.AdminAsync(Gateway);
        await session.Topics.AddAsync("n", TopicType.Int64);
        await session.Topics.AddAsync("d", TopicType.Double);

        var setInt = await CliRunner.RunAsync(Gateway, "topics", "set", "n", "-42");
        var setDouble = await CliRunner.RunAsync(Gateway, "--json", "topics", "set", "d", "1.0842");

        setInt.AssertExit(ExitCodes.Success);
        Assert.Matches(@"^set n \(sequence \d+\)$", Assert.Single(setInt.Lines));
        setDouble.AssertExit(ExitCodes.Success);
        using var json = JsonDocument.Parse(Assert.Single(setDouble.Lines));
        Assert.Equal(["path", "sequence"], json.RootElement.EnumerateObject().Select(member => member.Name));
        Assert.True(json.RootElement.GetProperty("sequence").GetInt64() > 0);
        var values = (await session.Topics.FetchAsync("?.*//", new FetchOptions { WithValues = true })).Results.ToDictionary(topic => topic.Path);
        Assert.Equal(-42L, values["n"].GetValue<long>());
        Assert.Equal(1.0842, values["d"].GetValue<double>());
    }

    [Fact]
    public async Task Create_adds_and_sets_in_one_request_and_keeps_json_text_exactly()
    {
        const string order = """{"side":"buy", "qty":10, "price":1.10}""";
        var created = await CliRunner.RunAsync(Gateway, "topics", "set", "orders/42", order, "--create", "--type", "json", "--property", "PERSISTENT=false");
        var again = await CliRunner.RunAsync(Gateway, "--json", "topics", "set", "orders/42", "[]", "--create", "--type", "json", "--property", "PERSISTENT=false");
        var binary = await CliRunner.RunAsync(Gateway, "topics", "set", "files/logo", "AP8H", "--create", "--type", "binary");

        created.AssertExit(ExitCodes.Success);
        Assert.Matches(@"^added and set orders/42 \(sequence \d+\)$", Assert.Single(created.Lines));
        again.AssertExit(ExitCodes.Success);
        Assert.Matches("""^\{"path":"orders/42","sequence":\d+,"added":false\}$""", Assert.Single(again.Lines));
        binary.AssertExit(ExitCodes.Success);
        await using var session = await Sessions.AdminAsync(Gateway);
        var fetched = (await session.Topics.FetchAsync("?.*//", new FetchOptions { WithValues = true })).Results.ToDictionary(topic => topic.Path);
        Assert.Equal("[]", fetched["orders/42"].Value.AsJson()!.Value.Text);
        Assert.Equal(new byte[] { 0, 255, 7 }, fetched["files/logo"].GetValue<byte[]>());
    }

    [Fact]
    public async Task Setting_a_missing_topic_is_a_server_error_that_suggests_create()
    {
        var run = await CliRunner.RunAsync(Gateway, "topics", "set", "missing", "1");
        var typed = await CliRunner.RunAsync(Gateway, "topics", "set", "missing", "1", "--type", "int64");

        run.AssertExit(ExitCodes.ServerError);
        Assert.Equal("topiary: topics set: NOT_FOUND: no topic at 'missing'; add it first, or use --create --type TYPE", run.ErrorLine);
        typed.AssertExit(ExitCodes.ServerError);
        Assert.StartsWith("topiary: topics set: NOT_FOUND: ", typed.ErrorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_another_type_is_refused_by_the_server_or_by_the_parser()
    {
        await using var session = await Sessions.AdminAsync(Gateway);
        await session.Topics.AddAndSetAsync("n", TopicType.Int64, 7L);

        var wrongType = await CliRunner.RunAsync(Gateway, "topics", "set", "n", "seven", "--type", "string");
        var notANumber = await CliRunner.RunAsync(Gateway, "topics", "set", "n", "seven");

        wrongType.AssertExit(ExitCodes.ServerError);
        Assert.StartsWith("topiary: topics set: INCOMPATIBLE_TYPE: ", wrongType.ErrorLine, StringComparison.Ordinal);
        notANumber.AssertExit(ExitCodes.Usage);
        Assert.Equal(
            "topiary: topics set: <value>: 'seven' is not an INT64 value; allowed: a whole number from -9223372036854775808 to 9223372036854775807 (see 'topiary topics set --help')",
            notANumber.ErrorLine);
        Assert.Equal(7L, (await session.Topics.FetchAsync(">n", new FetchOptions { WithValues = true })).Results[0].GetValue<long>());
    }

    [Theory]
    [InlineData("--create", "topiary: topics set: --create needs --type: one of json, string, int64, double, binary (see 'topiary topics set --help')")]
    [InlineData("--property PERSISTENT=false", "topiary: topics set: --property applies only with --create (see 'topiary topics set --help')")]
    [InlineData("--type double", "topiary: topics set: <value>: 'x' is not a DOUBLE value; allowed: a number such as 1.5, -2e-3, NaN, Infinity or -Infinity (see 'topiary topics set --help')")]
    public async Task Inconsistent_options_are_usage_errors(string options, string error)
    {
        var run = await CliRunner.RunAsync(Gateway, ["topics", "set", "p", "x", .. options.Split(' ')]);

        run.AssertExit(ExitCodes.Usage);
        Assert.Equal(error, run.ErrorLine);
    }
}
