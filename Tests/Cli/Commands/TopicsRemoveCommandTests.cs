using Topiary.Cli;
using Topiary.Tests.EndToEnd;
using Topiary.Topics;

namespace Topiary.Tests.Cli.Commands;

/// <summary><c>topiary topics remove</c> against a real gateway (TOP-40).</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class TopicsRemoveCommandTests : GatewayTests
{
    [Fact]
    public async Task TOP_40_removes_the_selected_topics_and_prints_how_many()
    {
        await using var session = await Sessions.AdminAsync(Gateway);
        foreach (var path in new[] { "r", "r/1", "r/2", "r/2/x", "s" })
        {
            await session.Topics.AddAsync(path, TopicType.String);
        }

        var removed = await CliRunner.RunAsync(Gateway, "topics", "remove", "?r//");
        var nothing = await CliRunner.RunAsync(Gateway, "--json", "topics", "remove", "?r//");

        Assert.Equal(["removed 4"], removed.AssertExit(ExitCodes.Success).Lines);
        Assert.Equal(["""{"removed":0}"""], nothing.AssertExit(ExitCodes.Success).Lines);
        Assert.Equal(["s"], (await session.Topics.FetchAsync("?.*//")).Results.Select(topic => topic.Path));
    }

    [Fact]
    public async Task TOP_41_topics_the_session_may_not_modify_are_skipped_and_not_counted()
    {
        await using var session = await Sessions.AdminAsync(Gateway);
        await session.Topics.AddAsync("keep", TopicType.String);

        var run = await CliRunner.RunAsync(new Dictionary<string, string?> { ["TOPIARY_URL"] = Gateway.Url.ToString() }, "topics", "remove", ">keep");

        Assert.Equal(["removed 0"], run.AssertExit(ExitCodes.Success).Lines);
        Assert.Single((await session.Topics.FetchAsync(">keep")).Results);
    }
}
