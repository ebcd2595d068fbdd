using Topiary.Client;
using Topiary.Client.Security;
using Topiary.Errors;

namespace Topiary.Tests.EndToEnd.Security;

/// <summary>Handshakes against the system authentication store through the real client (spec/security.md §2, §3).</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class AuthenticationEndToEndTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;
    private ITopiarySession _admin = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Topiary:Security:MaxFailuresPerPrincipal"] = "3",
            ["Topiary:Security:MaxFailuresPerAddress"] = "6",
        });
        _admin = await Sessions.AdminAsync(_gateway);
        await SecurityGateway.AddPrincipalAsync(_admin, "ann", "TRADER");
    }

    public async Task DisposeAsync()
    {
        await _admin.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task SEC_5_a_wrong_password_and_an_unknown_principal_get_the_same_answer()
    {
        var wrong = await Assert.ThrowsAsync<TopiarySecurityException>(() => SecurityGateway.OpenAsync(_gateway, "ann", "not-the-password"));
        var unknown = await Assert.ThrowsAsync<TopiarySecurityException>(() => SecurityGateway.OpenAsync(_gateway, "nobody", "not-the-password"));

        Assert.Equal(ErrorCode.AuthenticationFailed, wrong.Code);
        Assert.Equal((wrong.Code, wrong.Message, wrong.Error.Details?.ToJsonString()), (unknown.Code, unknown.Message, unknown.Error.Details?.ToJsonString()));
    }

    [Fact]
    public async Task SEC_7_a_named_session_gets_its_principals_roles_plus_the_roles_for_named_sessions()
    {
        await _admin.Security.UpdateSecurityStoreAsync("set \"TRADER\" global permissions [VIEW_SECURITY]");
        await _admin.Topics.AddAsync("public/t", Topiary.Topics.TopicType.String);
        await using var ann = await SecurityGateway.OpenAsync(_gateway, "ann");
        await using var anonymous = await Sessions.AnonymousAsync(_gateway);

        Assert.Equal(2, (await ann.Security.GetSystemAuthenticationAsync()).Principals.Count);
        // CLIENT (a role for named sessions) reads everything by default.
        Assert.Equal("public/t", (await ann.Topics.FetchAsync(">public/t")).Results.Single().Path);
        var denied = await Assert.ThrowsAsync<TopiarySecurityException>(() => anonymous.Security.GetSecurityAsync());
        Assert.Equal("VIEW_SECURITY", (string?)denied.Error.Details!["permission"]);
    }

    [Fact]
    public async Task SEC_6_anonymous_connections_follow_the_anonymous_policy()
    {
        await _admin.Security.UpdateAuthenticationStoreAsync("deny anonymous connections");
        var denied = await Assert.ThrowsAsync<TopiarySecurityException>(() => Sessions.AnonymousAsync(_gateway));
        Assert.Equal(ErrorCode.AuthenticationFailed, denied.Code);

        await _admin.Security.UpdateAuthenticationStoreAsync("allow anonymous connections [\"GUEST\"]");
        await using var anonymous = await Sessions.AnonymousAsync(_gateway);
        var snapshot = await _admin.Security.GetSystemAuthenticationAsync();
        Assert.Equal(("ALLOW", "GUEST"), (snapshot.Anonymous.Action, snapshot.Anonymous.Roles.Single()));
    }

    [Fact]
    public async Task SEC_11_a_session_changes_its_own_password_without_MODIFY_SECURITY_but_no_one_elses()
    {
        await using (var ann = await SecurityGateway.OpenAsync(_gateway, "ann"))
        {
            var mismatch = await Assert.ThrowsAsync<TopiaryArgumentException>(() => ann.Security.ChangePasswordAsync("wrong-password", "ann-new-password"));
            Assert.Equal("PASSWORD_MISMATCH", (string?)mismatch.Error.Details!["reason"]);
            var tooShort = await Assert.ThrowsAsync<TopiaryArgumentException>(() => ann.Security.ChangePasswordAsync(SecurityGateway.Password, "short"));
            Assert.Equal("PASSWORD_TOO_SHORT", (string?)tooShort.Error.Details!["reason"]);
            var other = $"verify password \"admin\" {SecurityScript.Quote(GatewayHost.AdminPassword)}\nset password \"admin\" \"stolen-password\"";
            var denied = await Assert.ThrowsAsync<TopiarySecurityException>(() => ann.Security.UpdateAuthenticationStoreAsync(other));
            Assert.Equal("MODIFY_SECURITY", (string?)denied.Error.Details!["permission"]);

            await ann.Security.ChangePasswordAsync(SecurityGateway.Password, "ann-new \"quoted\" password");
        }

        await using var renewed = await SecurityGateway.OpenAsync(_gateway, "ann", "ann-new \"quoted\" password");
        Assert.Equal("ann", renewed.Principal);
        await Assert.ThrowsAsync<TopiarySecurityException>(() => SecurityGateway.OpenAsync(_gateway, "ann"));
    }

    [Fact]
    public async Task SES_91_failures_per_principal_are_limited_even_for_the_right_password_and_unknown_principals_alike()
    {
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<TopiarySecurityException>(() => SecurityGateway.OpenAsync(_gateway, "ann", "guess-" + i));
            await Assert.ThrowsAsync<TopiarySecurityException>(() => SecurityGateway.OpenAsync(_gateway, "ghost", "guess-" + i));
        }

        var limited = await Assert.ThrowsAsync<TopiaryCapacityException>(() => SecurityGateway.OpenAsync(_gateway, "ann"));
        var ghost = await Assert.ThrowsAsync<TopiaryCapacityException>(() => SecurityGateway.OpenAsync(_gateway, "ghost", "x"));

        Assert.Equal((ErrorCode.RateLimited, ErrorCode.RateLimited), (limited.Code, ghost.Code));
        Assert.InRange((long)limited.Error.Details!["retryAfterMs"]!, 1, 60_000);
        // The address has 6 failures now: even another principal is refused from it.
        var address = await Assert.ThrowsAsync<TopiaryCapacityException>(() => Sessions.AdminAsync(_gateway));
        Assert.Equal(ErrorCode.RateLimited, address.Code);
    }
}
