using Topiary.Client;
using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Tests.EndToEnd.Security;

/// <summary>
/// Every topic and security operation, through the real client, by a session whose only role
/// holds exactly the permissions given — once with what the operation needs, once without one
/// of them (spec/security.md SEC-40, SEC-41).
/// </summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class SecurityPermissionMatrixEndToEndTests : IAsyncLifetime
{
    private const string Allowed = "allowed";
    private const string Filtered = "filtered";
    private static int s_case;

    private GatewayHost _gateway = null!;
    private ITopiarySession _admin = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayHost.StartAsync();
        _admin = await Sessions.AdminAsync(_gateway);
        await SecurityGateway.NoDefaultRolesAsync(_admin);
        await SecurityGateway.AddPrincipalAsync(_admin, "user", "R");
    }

    public async Task DisposeAsync()
    {
        await _admin.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Theory]
    [InlineData("add", "", "MODIFY_TOPIC", Allowed)]
    [InlineData("add", "", "SELECT_TOPIC READ_TOPIC UPDATE_TOPIC", "MODIFY_TOPIC")]
    [InlineData("addAndSet", "", "MODIFY_TOPIC UPDATE_TOPIC", Allowed)]
    [InlineData("addAndSet", "", "MODIFY_TOPIC", "UPDATE_TOPIC")]
    [InlineData("addAndSet", "", "UPDATE_TOPIC", "MODIFY_TOPIC")]
    [InlineData("set", "", "UPDATE_TOPIC", Allowed)]
    [InlineData("set", "", "MODIFY_TOPIC SELECT_TOPIC READ_TOPIC", "UPDATE_TOPIC")]
    [InlineData("setMissing", "", "MODIFY_TOPIC", "UPDATE_TOPIC")]
    [InlineData("remove", "", "MODIFY_TOPIC", Allowed)]
    [InlineData("remove", "", "UPDATE_TOPIC SELECT_TOPIC", Filtered)]
    [InlineData("fetch", "", "SELECT_TOPIC READ_TOPIC", Allowed)]
    [InlineData("fetch", "", "SELECT_TOPIC", Filtered)]
    [InlineData("fetch", "", "READ_TOPIC", Filtered)]
    [InlineData("subscribe", "", "SELECT_TOPIC READ_TOPIC", Allowed)]
    [InlineData("subscribe", "", "SELECT_TOPIC", Filtered)]
    [InlineData("subscribe", "", "READ_TOPIC", Filtered)]
    [InlineData("getSecurity", "VIEW_SECURITY", "", Allowed)]
    [InlineData("getSecurity", "MODIFY_SECURITY VIEW_SESSION", "", "VIEW_SECURITY")]
    [InlineData("getSystemAuthentication", "VIEW_SECURITY", "", Allowed)]
    [InlineData("getSystemAuthentication", "MODIFY_SECURITY", "", "VIEW_SECURITY")]
    [InlineData("getAuditLog", "VIEW_SECURITY", "", Allowed)]
    [InlineData("getAuditLog", "MODIFY_SECURITY", "", "VIEW_SECURITY")]
    [InlineData("updateSecurityStore", "MODIFY_SECURITY", "", Allowed)]
    [InlineData("updateSecurityStore", "VIEW_SECURITY", "", "MODIFY_SECURITY")]
    [InlineData("updateAuthenticationStore", "MODIFY_SECURITY", "", Allowed)]
    [InlineData("updateAuthenticationStore", "VIEW_SECURITY", "", "MODIFY_SECURITY")]
    public async Task SEC_40_41_each_operation_needs_its_permissions(string operation, string global, string path, string expected)
    {
        var branch = $"matrix{Interlocked.Increment(ref s_case)}";
        var topic = branch + "/t";
        if (operation is "set" or "remove" or "fetch" or "subscribe")
        {
            await _admin.Topics.AddAndSetAsync(topic, TopicType.String, "initial");
        }
        await _admin.Security.UpdateSecurityStoreAsync(
            $"set \"R\" global permissions [{global}]\nset \"R\" path permissions at \"{branch}\" [{path}]");
        await using var user = await SecurityGateway.OpenAsync(_gateway, "user");

        var attempt = RunAsync(user, operation, topic);

        if (expected is Allowed or Filtered)
        {
            Assert.Equal(expected == Allowed, await attempt);
            return;
        }
        var denied = await Assert.ThrowsAsync<TopiarySecurityException>(() => attempt);
        Assert.Equal(ErrorCode.PermissionDenied, denied.Code);
        Assert.Equal(expected, (string?)denied.Error.Details!["permission"]);
        Assert.Contains(expected, denied.Message, StringComparison.Ordinal);
        if (path.Length > 0)
        {
            Assert.Equal(operation == "setMissing" ? branch + "/missing" : topic, (string?)denied.Error.Details!["path"]);
        }
    }

    [Fact]
    public async Task SEC_41_a_refused_update_says_the_same_whether_or_not_the_topic_exists()
    {
        await _admin.Topics.AddAndSetAsync("secret/exists", TopicType.String, "x");
        await using var user = await SecurityGateway.OpenAsync(_gateway, "user");

        var existing = await Assert.ThrowsAsync<TopiarySecurityException>(() => user.Topics.SetAsync("secret/exists", "y"));
        var missing = await Assert.ThrowsAsync<TopiarySecurityException>(() => user.Topics.SetAsync("secret/absent", "y"));

        Assert.Equal(existing.Message.Replace("exists", "absent", StringComparison.Ordinal), missing.Message);
        Assert.Equal(ErrorCode.PermissionDenied, missing.Code);
    }

    [Fact]
    public async Task SEC_43_the_principal_named_by_a_topics_OWNER_reads_updates_and_removes_it_without_a_role()
    {
        await _admin.Security.UpdateSecurityStoreAsync("set \"R\" global permissions []\nset \"R\" path permissions at \"owned\" [SELECT_TOPIC]");
        var owned = TopicSpecification.Create(TopicType.String, new Dictionary<string, string> { ["OWNER"] = "$Principal is \"user\"" });
        await _admin.Topics.AddAndSetAsync("owned/mine", owned, "v1");
        await _admin.Topics.AddAndSetAsync("owned/other", TopicType.String, "v1");
        await using var user = await SecurityGateway.OpenAsync(_gateway, "user");

        Assert.Equal(2, await user.Topics.SetAsync("owned/mine", "v2"));
        var denied = await Assert.ThrowsAsync<TopiarySecurityException>(() => user.Topics.SetAsync("owned/other", "v2"));
        Assert.Equal("UPDATE_TOPIC", (string?)denied.Error.Details!["permission"]);
        Assert.Equal(["owned/mine"], (await user.Topics.FetchAsync("?owned/")).Results.Select(topic => topic.Path));
        Assert.Equal(1, await user.Topics.RemoveAsync("?owned/"));
        Assert.Equal(["owned/other"], (await _admin.Topics.FetchAsync("?owned/")).Results.Select(topic => topic.Path));
    }

    // True when the operation took effect, false when it was silently filtered; throws when refused.
    private async Task<bool> RunAsync(ITopiarySession user, string operation, string topic)
    {
        switch (operation)
        {
            case "add":
                return await user.Topics.AddAsync(topic, TopicType.String);
            case "addAndSet":
                return (await user.Topics.AddAndSetAsync(topic, TopicType.String, "v")).Added;
            case "set":
                return await user.Topics.SetAsync(topic, "v") > 0;
            case "setMissing":
                return await user.Topics.SetAsync(topic.Replace("/t", "/missing", StringComparison.Ordinal), "v") > 0;
            case "remove":
                var removed = await user.Topics.RemoveAsync(">" + topic) == 1;
                Assert.Equal(removed ? 0 : 1, (await _admin.Topics.FetchAsync(">" + topic)).Results.Count);
                return removed;
            case "fetch":
                return (await user.Topics.FetchAsync(">" + topic)).Results.Count == 1;
            case "subscribe":
                var events = new EventCollector();
                user.Topics.AddStream(">" + topic, events);
                await user.Topics.SubscribeAsync(">" + topic);
                // The response follows the subscription notifications (protocol §3.2), so they have arrived.
                return events.TryTake() is { } first && first == "subscribed " + topic;
            case "getSecurity":
                return (await user.Security.GetSecurityAsync()).Version > 0;
            case "getSystemAuthentication":
                return (await user.Security.GetSystemAuthenticationAsync()).Principals.Count > 0;
            case "getAuditLog":
                return (await user.Security.GetAuditLogAsync()).Count > 0;
            case "updateSecurityStore":
                return await user.Security.UpdateSecurityStoreAsync("isolate path \"nothing/here\"") > 0;
            default:
                return await user.Security.UpdateAuthenticationStoreAsync("trust client proposed property \"K\" in [\"v\"]") > 0;
        }
    }
}
