using System.Text.Json.Nodes;

namespace Topiary.Tests.EndToEnd.Security;

/// <summary>The structured form of scripts (SEC-15) over a bare WebSocket to a real gateway.</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class StructuredScriptEndToEndTests
{
    [Fact]
    public async Task SEC_15_commands_arrays_update_both_stores_and_errors_point_at_the_command()
    {
        await using var gateway = await GatewayHost.StartAsync();
        await using var admin = await RawSession.OpenAsync(gateway);

        var added = await admin.RequestAsync(1, "security.updateAuthenticationStore", new JsonObject
        {
            ["commands"] = JsonNode.Parse("""[{"op":"addPrincipal","name":"ann","password":"ann-password","roles":["TRADER"]}]"""),
        });
        var granted = await admin.RequestAsync(2, "security.updateSecurityStore", new JsonObject
        {
            ["commands"] = JsonNode.Parse("""[{"op":"setGlobalPermissions","role":"TRADER","permissions":["VIEW_SECURITY"]}]"""),
            ["ifVersion"] = 1,
        });
        var failed = await admin.RequestAsync(3, "security.updateSecurityStore", new JsonObject
        {
            ["commands"] = JsonNode.Parse("""[{"op":"isolatePath","path":"x"},{"op":"setIncludes","role":"TRADER","roles":["TRADER"]}]"""),
        });
        var both = await admin.RequestAsync(4, "security.updateSecurityStore", new JsonObject { ["script"] = "", ["commands"] = new JsonArray() });

        Assert.Equal(2, (long?)added["result"]!["version"]);
        Assert.Equal(2, (long?)granted["result"]!["version"]);
        Assert.Equal(("INVALID_SCRIPT", "ROLE_CYCLE", 2, 1), ((string?)failed["error"]!["name"], (string?)failed["error"]!["details"]!["reason"],
            (int?)failed["error"]!["details"]!["line"], (int?)failed["error"]!["details"]!["commandIndex"]));
        Assert.Equal(("INVALID_ARGUMENT", "CONFLICTING"), ((string?)both["error"]!["name"], (string?)both["error"]!["details"]!["reason"]));
        await using var ann = await RawSession.OpenAsync(gateway, "ann", "ann-password");
        var security = await ann.RequestAsync(5, "security.getSecurity");
        Assert.Empty(security["result"]!["isolatedPaths"]!.AsArray());
    }
}
