using System.Text.Json.Nodes;
using Topiary.Tests.EndToEnd;

namespace Topiary.Tests.Gateway.Hubs;

/// <summary>The security methods of the hub against a real gateway (docs/protocol.md §3.3, §8): same dispatcher, same checks.</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class TopiaryHubSecurityTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task SEC_40_hub_sessions_read_and_update_the_stores_with_the_same_permission_checks()
    {
        await using var admin = await SignalRTestClient.OpenAsync(_gateway);
        var added = await admin.InvokeAsync("security.updateAuthenticationStore", new JsonObject { ["script"] = "add principal \"hubby\" \"hubby-password\" []" });
        var isolated = await admin.InvokeAsync("security.updateSecurityStore", new JsonObject { ["script"] = "isolate path \"hub\"" });
        var security = await admin.InvokeAsync("security.getSecurity");
        var authentication = await admin.InvokeAsync("security.getSystemAuthentication");
        var audit = await admin.InvokeAsync("security.getAuditLog");

        Assert.Equal(2, (long)added!["version"]!);
        Assert.Equal(2, (long)isolated!["version"]!);
        Assert.Equal(["hub"], security!["isolatedPaths"]!.AsArray().Select(path => (string?)path));
        Assert.Contains(authentication!["principals"]!.AsArray(), principal => (string?)principal!["name"] == "hubby");
        Assert.Equal("add principal \"hubby\" \"***\" []", (string?)audit!["entries"]![0]!["script"]);

        await using var user = await SignalRTestClient.OpenAsync(_gateway, "hubby", "hubby-password");
        var denied = await Assert.ThrowsAnyAsync<Exception>(() => user.InvokeAsync("security.getSecurity"));
        Assert.Contains("PERMISSION_DENIED", denied.Message, StringComparison.Ordinal);
        Assert.Contains("VIEW_SECURITY", denied.Message, StringComparison.Ordinal);
    }
}
