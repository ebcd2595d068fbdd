using Topiary.Cli;
using Topiary.Client.Topics;
using Topiary.Tests.EndToEnd;
using Topiary.Topics;

namespace Topiary.Tests.Cli.Commands;

/// <summary><c>topiary topics add</c> against a real gateway (TOP-30, TOP-31).</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class TopicsAddCommandTests : GatewayTests
{
    [Fact]
    public async Task TOP_30_adds_a_topic_with_its_type_and_properties()
    {
        var run = await CliRunner.RunAsync(Gateway, "topics", "add", "prices/EURUSD", "--type", "double", "--property", "PERSISTENT=false", "--property", "PRIORITY=high");

        run.AssertExit(ExitCodes.Success);
        Assert.Equal(["added prices/EURUSD"], run.Lines);
        await using var session = await Sessions.AdminAsync(Gateway);
        var topic = (await session.Topics.FetchAsync(">prices/EURUSD", new FetchOptions { WithProperties = true })).Results.Single();
        Assert.Equal(TopicType.Double, topic.Type);
        Assert.Equal("false", topic.Properties!["PERSISTENT"]);
        Assert.Equal("high", topic.Properties!["PRIORITY"]);
    }

    [Fact]
    public async Task TOP_31_adding_an_equivalent_topic_succeeds_and_a_different_one_is_a_server_error()
    {
        (await CliRunner.RunAsync(Gateway, "topics", "add", "orders/42")).AssertExit(ExitCodes.Success);

        var again = await CliRunner.RunAsync(Gateway, "--json", "topics", "add", "orders/42", "--type", "JSON");
        var conflict = await CliRunner.RunAsync(Gateway, "topics", "add", "orders/42", "--type", "string");

        again.AssertExit(ExitCodes.Success);
        Assert.Equal(["""{"path":"orders/42","type":"JSON","added":false}"""], again.Lines);
        conflict.AssertExit(ExitCodes.ServerError);
        Assert.StartsWith("topiary: topics add: CONFLICT: ", conflict.ErrorLine, StringComparison.Ordinal);
        Assert.Empty(conflict.Stdout);
    }

    [Fact]
    public async Task Bad_paths_and_properties_are_usage_errors_and_nothing_is_added()
    {
        var reserved = await CliRunner.RunAsync(Gateway, "topics", "add", "$system/x");
        var badProperty = await CliRunner.RunAsync(Gateway, "topics", "add", "a", "--property", "PERSISTENT=maybe");
        var twice = await CliRunner.RunAsync(Gateway, "topics", "add", "a", "--property", "PRIORITY=low", "--property", "PRIORITY=high");

        reserved.AssertExit(ExitCodes.Usage);
        Assert.StartsWith("topiary: topics add: <path>: INVALID_PATH: ", reserved.ErrorLine, StringComparison.Ordinal);
        badProperty.AssertExit(ExitCodes.Usage);
        Assert.StartsWith("topiary: topics add: --property: INVALID_SPECIFICATION: ", badProperty.ErrorLine, StringComparison.Ordinal);
        Assert.Contains("PERSISTENT", badProperty.ErrorLine, StringComparison.Ordinal);
        twice.AssertExit(ExitCodes.Usage);
        Assert.Equal("topiary: topics add: --property: PRIORITY is given more than once (see 'topiary topics add --help')", twice.ErrorLine);
        await using var session = await Sessions.AdminAsync(Gateway);
        Assert.Empty((await session.Topics.FetchAsync("?.*//")).Results);
    }

    [Fact]
    public async Task An_anonymous_session_may_not_add_topics()
    {
        var run = await CliRunner.RunAsync(new Dictionary<string, string?> { ["TOPIARY_URL"] = Gateway.Url.ToString() }, "topics", "add", "a");

        run.AssertExit(ExitCodes.ServerError);
        Assert.StartsWith("topiary: topics add: PERMISSION_DENIED: ", run.ErrorLine, StringComparison.Ordinal);
    }
}
