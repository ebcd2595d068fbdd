using Topiary.Client;
using Topiary.Tests.EndToEnd;

namespace Topiary.Tests.Docs;

/// <summary>Every script of docs/security.md, applied in document order through a real gateway.</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class SecurityDocsEndToEndTests
{
    [Fact]
    public async Task SEC_13_32_the_documented_scripts_apply()
    {
        await using var gateway = await GatewayHost.StartAsync();
        await using var admin = await Sessions.AdminAsync(gateway);
        var blocks = SecurityDocs.Blocks("script:");
        Assert.True(blocks.Count >= 4);

        foreach (var (marker, script) in blocks)
        {
            if (marker == "script:own-password")
            {
                await using var ann = await TopiarySession.OpenAsync(new TopiarySessionOptions { Url = gateway.Url, Principal = "ann", Password = "ann-password-1" });
                await ann.Security.UpdateAuthenticationStoreAsync(script);
            }
            else if (marker == "script:security")
            {
                await admin.Security.UpdateSecurityStoreAsync(script);
            }
            else
            {
                await admin.Security.UpdateAuthenticationStoreAsync(script);
            }
        }

        var authentication = await admin.Security.GetSystemAuthenticationAsync();
        Assert.Equal(["admin", "ann", "bob"], authentication.Principals.Select(principal => principal.Name));
        Assert.True(authentication.Principals.Single(principal => principal.Name == "bob").Locked);
        Assert.Equal("DENY", authentication.Anonymous.Action);
        var security = await admin.Security.GetSecurityAsync();
        Assert.Equal(["admin"], security.IsolatedPaths);
        Assert.Empty(security.Roles.Single(role => role.Name == "TRADER").Paths["prices/internal"]);
        await using var renewed = await TopiarySession.OpenAsync(new TopiarySessionOptions { Url = gateway.Url, Principal = "ann", Password = "ann-password-2" });
        Assert.Equal("ann", renewed.Principal);
    }
}
