using Topiary.Client;
using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Tests.EndToEnd.Security;

/// <summary>Store changes applied to live sessions without reconnecting (spec/security.md §8), through the real client.</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class SecurityReevaluationEndToEndTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;
    private ITopiarySession _admin = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayHost.StartAsync();
        _admin = await Sessions.AdminAsync(_gateway);
        await SecurityGateway.NoDefaultRolesAsync(_admin);
        await SecurityGateway.AddPrincipalAsync(_admin, "user", "R");
        await _admin.Security.UpdateSecurityStoreAsync("set \"R\" path permissions at \"feed\" [SELECT_TOPIC READ_TOPIC]");
        await _admin.Topics.AddAndSetAsync("feed/a", TopicType.String, "a1");
        await _admin.Topics.AddAndSetAsync("feed/b", TopicType.String, "b1");
    }

    public async Task DisposeAsync()
    {
        await _admin.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task SEC_60_losing_read_unsubscribes_with_AUTHORIZATION_and_regaining_it_subscribes_again()
    {
        await using var user = await SecurityGateway.OpenAsync(_gateway, "user");
        var events = new EventCollector();
        user.Topics.AddStream("?feed/", events);
        await user.Topics.SubscribeAsync("?feed/");
        Assert.Equal(["subscribed feed/a", "value feed/a a1", "subscribed feed/b", "value feed/b b1"], await events.TakeAsync(4));

        await _admin.Security.UpdateSecurityStoreAsync("set \"R\" path permissions at \"feed/b\" [SELECT_TOPIC]");
        Assert.Equal(["unsubscribed feed/b Authorization"], await events.TakeAsync(1));
        await _admin.Topics.SetAsync("feed/b", "b2");
        await _admin.Topics.SetAsync("feed/a", "a2");
        Assert.Equal(["value feed/a a2"], await events.TakeAsync(1));

        await _admin.Security.UpdateSecurityStoreAsync("remove \"R\" path permissions at \"feed/b\"");
        Assert.Equal(["subscribed feed/b", "value feed/b b2"], await events.TakeAsync(2));
        await events.AssertQuietAsync();
    }

    [Fact]
    public async Task SEC_60_gaining_read_through_an_included_role_subscribes_what_the_selection_selects()
    {
        await _admin.Topics.AddAndSetAsync("news/x", TopicType.String, "x1");
        await using var user = await SecurityGateway.OpenAsync(_gateway, "user");
        var events = new EventCollector();
        user.Topics.AddStream("?news/", events);
        await user.Topics.SubscribeAsync("?news/");
        await events.AssertQuietAsync(100);

        await _admin.Security.UpdateSecurityStoreAsync("set \"NEWS\" path permissions at \"news\" [SELECT_TOPIC READ_TOPIC]\nset \"R\" includes [\"NEWS\"]");

        Assert.Equal(["subscribed news/x", "value news/x x1"], await events.TakeAsync(2));
    }

    [Fact]
    public async Task SEC_44_isolating_a_branch_unsubscribes_it_unless_a_role_is_assigned_inside()
    {
        await _admin.Topics.AddAndSetAsync("feed/iso/t", TopicType.String, "i1");
        await using var user = await SecurityGateway.OpenAsync(_gateway, "user");
        var events = new EventCollector();
        user.Topics.AddStream("?feed/iso/", events);
        await user.Topics.SubscribeAsync("?feed/iso/");
        Assert.Equal(["subscribed feed/iso/t", "value feed/iso/t i1"], await events.TakeAsync(2));

        await _admin.Security.UpdateSecurityStoreAsync("isolate path \"feed/iso\"");
        Assert.Equal(["unsubscribed feed/iso/t Authorization"], await events.TakeAsync(1));
        Assert.DoesNotContain((await user.Topics.FetchAsync("?feed//")).Results, topic => topic.Path.StartsWith("feed/iso", StringComparison.Ordinal));

        await _admin.Security.UpdateSecurityStoreAsync("set \"R\" path permissions at \"feed/iso/t\" [SELECT_TOPIC READ_TOPIC]");
        Assert.Equal(["subscribed feed/iso/t", "value feed/iso/t i1"], await events.TakeAsync(2));
    }

    [Fact]
    public async Task SEC_18_locking_a_principal_closes_its_sessions_with_REVOKED_and_refuses_its_handshakes()
    {
        await using var user = await SecurityGateway.OpenAsync(_gateway, "user");
        var closed = new TaskCompletionSource<SessionClosedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        user.Closed += (_, args) => closed.TrySetResult(args);

        await _admin.Security.UpdateAuthenticationStoreAsync("lock principal \"user\"");

        var args = await closed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(("REVOKED", SessionState.ClosedByServer), (args.Reason, args.State));
        var refused = await Assert.ThrowsAsync<TopiarySecurityException>(() => SecurityGateway.OpenAsync(_gateway, "user"));
        Assert.Equal(ErrorCode.AuthenticationFailed, refused.Code);
        Assert.Equal(SessionState.Connected, _admin.State);

        await _admin.Security.UpdateAuthenticationStoreAsync("unlock principal \"user\"");
        await using var again = await SecurityGateway.OpenAsync(_gateway, "user");
        Assert.Equal("user", again.Principal);
    }
}
