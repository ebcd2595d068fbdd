using System.Text.Json;
using Topiary.Cli;
using Topiary.Tests.EndToEnd;

namespace Topiary.Tests.Cli.Commands;

/// <summary><c>topiary security show</c> and <c>security update</c> against a real gateway (SEC-10, SEC-11, SEC-20, SEC-21).</summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class SecurityCommandsTests : GatewayTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("topiary-cli-security-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task SEC_10_show_prints_both_stores_as_json_without_password_hashes()
    {
        var run = await CliRunner.RunAsync(Gateway, "security", "show", "--json");

        run.AssertExit(ExitCodes.Success);
        using var json = JsonDocument.Parse(Assert.Single(run.Lines));
        var principals = json.RootElement.GetProperty("authentication").GetProperty("principals");
        Assert.Contains(principals.EnumerateArray(), principal => principal.GetProperty("name").GetString() == "admin");
        Assert.Contains(json.RootElement.GetProperty("security").GetProperty("roles").EnumerateArray(),
            role => role.GetProperty("name").GetString() == "ADMINISTRATOR");
        Assert.DoesNotContain("hash", run.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(GatewayHost.AdminPassword, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SEC_11_update_applies_an_authentication_script_and_the_new_principal_can_connect()
    {
        var script = Path.Combine(_directory, "auth.txt");
        await File.WriteAllTextAsync(script, "add principal \"ops\" \"ops-password-1\" [\"OPERATOR\"]\n");

        var update = await CliRunner.RunAsync(Gateway, "security", "update", "--store", "authentication", "--script", script);

        update.AssertExit(ExitCodes.Success);
        Assert.Matches(@"^updated the authentication store to version \d+$", Assert.Single(update.Lines));
        var asOps = new Dictionary<string, string?>
        {
            ["TOPIARY_URL"] = Gateway.Url.ToString(),
            ["TOPIARY_PRINCIPAL"] = "ops",
            ["TOPIARY_PASSWORD"] = "ops-password-1",
        };
        (await CliRunner.RunAsync(asOps, "ping")).AssertExit(ExitCodes.Success);
    }

    [Fact]
    public async Task SEC_21_a_bad_script_is_exit_1_naming_the_line_and_nothing_is_applied()
    {
        var script = Path.Combine(_directory, "roles.txt");
        await File.WriteAllTextAsync(script, "set \"TRADER\" global permissions [VIEW_SESSION]\nset \"TRADER\" nonsense\n");
        var before = await CliRunner.RunAsync(Gateway, "security", "show", "--json");

        var run = await CliRunner.RunAsync(Gateway, "security", "update", "--store", "security", "--script", script);

        run.AssertExit(ExitCodes.ServerError);
        Assert.Contains("INVALID_SCRIPT", run.ErrorLine, StringComparison.Ordinal);
        Assert.Contains("line 2", run.ErrorLine, StringComparison.Ordinal);
        var after = await CliRunner.RunAsync(Gateway, "security", "show", "--json");
        Assert.Equal(before.Stdout, after.Stdout);
    }

    [Fact]
    public async Task Update_needs_a_store_and_a_readable_script()
    {
        var noStore = await CliRunner.RunAsync(Gateway, "security", "update", "--script", "x.txt");
        noStore.AssertExit(ExitCodes.Usage);
        Assert.Contains("--store is required", noStore.ErrorLine, StringComparison.Ordinal);

        var badStore = await CliRunner.RunAsync(Gateway, "security", "update", "--store", "roles", "--script", "x.txt");
        badStore.AssertExit(ExitCodes.Usage);
        Assert.Contains("authentication or security", badStore.ErrorLine, StringComparison.Ordinal);

        var missing = await CliRunner.RunAsync(Gateway, "security", "update", "--store", "security", "--script", Path.Combine(_directory, "none.txt"));
        missing.AssertExit(ExitCodes.Usage);
        Assert.Contains("cannot read", missing.ErrorLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_sessions_may_not_show_the_stores()
    {
        var run = await CliRunner.RunAsync(new Dictionary<string, string?> { ["TOPIARY_URL"] = Gateway.Url.ToString() }, "security", "show");

        run.AssertExit(ExitCodes.ServerError);
        Assert.Contains("PERMISSION_DENIED", run.ErrorLine, StringComparison.Ordinal);
    }
}
