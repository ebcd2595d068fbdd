using Topiary.Client.Topics;
using Topiary.Topics;

namespace Topiary.Tests.EndToEnd;

[Trait("Category", TestCategories.EndToEnd)]
public sealed class PersistenceEndToEndTests
{
    [Fact]
    public async Task TOP_22_persistent_topics_survive_a_restart_with_their_last_value_and_position_and_others_do_not()
    {
        var gateway = await GatewayHost.StartAsync();
        try
        {
            await using (var session = await Sessions.AdminAsync(gateway))
            {
                await session.Topics.AddAndSetAsync("durable/json", TopicType.Json, JsonValue.Parse("""{"v":1}"""));
                await session.Topics.SetAsync("durable/json", JsonValue.Parse("""{"v":2}"""));
                await session.Topics.AddAsync("durable/empty", TopicType.String);
                var transient = TopicSpecification.Create(TopicType.String, new Dictionary<string, string> { ["PERSISTENT"] = "false" });
                await session.Topics.AddAndSetAsync("transient/x", transient, "gone after restart");
            }

            gateway = await gateway.RestartAsync();
            await using var reader = await Sessions.AdminAsync(gateway);
            var fetched = await reader.Topics.FetchAsync("*.*", new FetchOptions { WithValues = true, WithProperties = true });
            Assert.Equal(["durable/empty", "durable/json"], fetched.Results.Select(topic => topic.Path));
            Assert.Equal("""{"v":2}""", fetched.Results[1].Value.AsJson()!.Value.Text);
            Assert.Equal(2, fetched.Results[1].Sequence);

            // TOP-71: the epoch and sequence continue, so the next update is sequence 3.
            Assert.Equal(3, await reader.Topics.SetAsync("durable/json", JsonValue.Parse("""{"v":3}""")));
            var events = new EventCollector();
            using var stream = reader.Topics.AddStream("?durable//", events);
            await reader.Topics.SubscribeAsync("?durable//");
            Assert.Equal(["subscribed durable/empty", "subscribed durable/json", """value durable/json {"v":3}"""], await events.TakeAsync(3));
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }

    [Fact]
    public async Task Admin_password_is_stored_hashed_and_a_restart_without_configuration_keeps_it()
    {
        var gateway = await GatewayHost.StartAsync();
        try
        {
            var database = File.ReadAllBytes(Path.Combine(gateway.DataDirectory, "topiary.db"));
            var text = System.Text.Encoding.UTF8.GetString(database);
            Assert.DoesNotContain(GatewayHost.AdminPassword, text, StringComparison.Ordinal);

            gateway = await gateway.RestartAsync();
            await using var session = await Sessions.AdminAsync(gateway);
            Assert.Equal("admin", session.Principal);
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }
}
