using Topiary.Client;
using Topiary.Client.Security;
using Topiary.Tests.Grains.Runtime;

namespace Topiary.Tests.EndToEnd.Security;

/// <summary>
/// Passwords never reach a log line (spec/security.md SEC-2): a gateway run that configures the
/// admin password, sets passwords by scripts, fails scripts around passwords and fails
/// handshakes, with every log record of every level captured.
/// </summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class SecretLoggingEndToEndTests
{
    private static readonly string[] s_secrets =
    [
        GatewayHost.AdminPassword, "ann-first-secret", "ann-second-secret", "bob-secret-value", "wrong-guess-secret", "tiny",
        "verify-mismatch-secret", "control-secret-value",
    ];

    [Fact]
    public async Task SEC_2_no_password_appears_in_any_log_record()
    {
        var logs = new CapturingLoggerProvider();
        await using (var gateway = await GatewayHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Topiary:Security:ControlPassword"] = "control-secret-value" }, logs: logs))
        {
            await using var admin = await Sessions.AdminAsync(gateway);
            await admin.Security.UpdateAuthenticationStoreAsync("add principal \"ann\" \"ann-first-secret\" []\nadd principal \"bob\" \"bob-secret-value\" []");
            await Assert.ThrowsAnyAsync<Exception>(() => admin.Security.UpdateAuthenticationStoreAsync("set password \"ann\" \"tiny\""));
            await Assert.ThrowsAnyAsync<Exception>(() => admin.Security.UpdateAuthenticationStoreAsync("set password \"ann\" \"bob-secret-value\" \"ann-second-secret\""));
            await Assert.ThrowsAnyAsync<Exception>(() => admin.Security.UpdateAuthenticationStoreAsync("verify password \"bob\" \"verify-mismatch-secret\""));
            await Assert.ThrowsAnyAsync<Exception>(() => SecurityGateway.OpenAsync(gateway, "ann", "wrong-guess-secret"));
            await Assert.ThrowsAnyAsync<Exception>(() => SecurityGateway.OpenAsync(gateway, "nobody", "wrong-guess-secret"));
            await using (var ann = await SecurityGateway.OpenAsync(gateway, "ann", "ann-first-secret"))
            {
                await ann.Security.ChangePasswordAsync("ann-first-secret", "ann-second-secret");
                await Assert.ThrowsAnyAsync<Exception>(() => ann.Security.UpdateAuthenticationStoreAsync(
                    $"set password \"bob\" {SecurityScript.Quote("bob-secret-value")}"));
            }
            await using var control = await SecurityGateway.OpenAsync(gateway, "control", "control-secret-value");

            // SEC-82: the audit log keeps who changed what, with passwords replaced.
            var audit = await admin.Security.GetAuditLogAsync();
            Assert.Equal(["admin", "ann"], audit.Where(entry => entry.Store == "SYSTEM_AUTHENTICATION").Select(entry => entry.Principal));
            Assert.Equal("verify password \"ann\" \"***\"\nset password \"ann\" \"***\"", audit[^1].Script);
            AssertNoSecret(string.Join('\n', audit.Select(entry => entry.Script)), "the audit log");
        }

        Assert.NotEmpty(logs.Records);
        Assert.Contains(logs.Records, record => record.Message.Contains("Authentication failed for principal 'nobody'", StringComparison.Ordinal));
        foreach (var record in logs.Records)
        {
            AssertNoSecret(record.Message + " " + record.Exception, record.Category);
        }
    }

    private static void AssertNoSecret(string text, string where)
    {
        foreach (var secret in s_secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"'{secret}' in {where}: {text}");
        }
    }

    [Fact]
    public async Task SEC_70_a_generated_admin_password_is_logged_once_at_Warning_and_works()
    {
        using var directory = new TempDirectory();
        var logs = new CapturingLoggerProvider();
        var noPassword = new Dictionary<string, string?> { ["Topiary:Security:AdminPassword"] = null };
        string password;
        await using (var gateway = await GatewayHost.StartAsync(directory.Path, noPassword, logs))
        {
            var shown = Assert.Single(logs.Records, record => record.Message.StartsWith("Generated password for principal 'admin'", StringComparison.Ordinal));
            Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, shown.Level);
            password = shown.Message.Split(' ')[5];
        }

        await using var restarted = await GatewayHost.StartAsync(directory.Path, noPassword, logs);
        Assert.Single(logs.Records, record => record.Message.StartsWith("Generated password", StringComparison.Ordinal));
        await using var admin = await SecurityGateway.OpenAsync(restarted, "admin", password);
        Assert.Equal(SessionState.Connected, admin.State);
    }
}
