using Topiary.Gateway.Hosting;

namespace Topiary.Tests.Gateway.Hosting;

[Trait("Category", TestCategories.Unit)]
public sealed class GatewayOptionsValidatorSecurityTests
{
    [Fact]
    public void SEC_3_short_initial_passwords_and_out_of_range_limits_are_named_without_echoing_the_password()
    {
        var options = new GatewayOptions
        {
            Security = { AdminPassword = "short1", ControlPassword = "tiny", MaxFailuresPerAddress = 0, MaxFailuresPerPrincipal = 10_001, FailureWindowSeconds = 0 },
        };

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "Topiary:Security:AdminPassword must have 8 to 1024 characters",
                "Topiary:Security:ControlPassword must have 8 to 1024 characters",
                "Topiary:Security:MaxFailuresPerAddress = 0 is out of range; allowed 1 to 10000",
                "Topiary:Security:MaxFailuresPerPrincipal = 10001 is out of range; allowed 1 to 10000",
                "Topiary:Security:FailureWindowSeconds = 0 is out of range; allowed 1 to 3600",
            ],
            result.Failures!);
        Assert.DoesNotContain("short1", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void SEC_70_the_security_defaults_are_valid()
    {
        Assert.True(new GatewayOptionsValidator().Validate(null, new GatewayOptions()).Succeeded);
    }
}
