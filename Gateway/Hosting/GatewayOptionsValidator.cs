using Microsoft.Extensions.Options;

namespace Topiary.Gateway.Hosting;

/// <summary>Rejects out-of-range settings at start, naming the setting, its value and what is allowed.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        List<string> failures = [];
        Range(failures, "Topiary:Limits:MaxValueBytes", options.Limits.MaxValueBytes, 1024, 64 * 1024 * 1024);
        Range(failures, "Topiary:Limits:MaxMessageBytes", options.Limits.MaxMessageBytes, 64 * 1024, 64 * 1024 * 1024);
        Range(failures, "Topiary:Limits:MaxOutboundBytes", options.Limits.MaxOutboundBytes, 64 * 1024, 1024 * 1024 * 1024);
        if (string.IsNullOrWhiteSpace(options.Gateway.Name))
        {
            failures.Add("Topiary:Gateway:Name must not be empty");
        }
        if (string.IsNullOrWhiteSpace(options.Storage.DataDirectory))
        {
            failures.Add("Topiary:Storage:DataDirectory must not be empty");
        }
        // SEC-3: a configured initial password that is too short is a configuration error (never echoed).
        if (options.Security.AdminPassword is { Length: < 8 or > 1024 })
        {
            failures.Add("Topiary:Security:AdminPassword must have 8 to 1024 characters");
        }
        if (options.Security.ControlPassword is { Length: < 8 or > 1024 })
        {
            failures.Add("Topiary:Security:ControlPassword must have 8 to 1024 characters");
        }
        Range(failures, "Topiary:Security:MaxFailuresPerAddress", options.Security.MaxFailuresPerAddress, 1, 10_000);
        Range(failures, "Topiary:Security:MaxFailuresPerPrincipal", options.Security.MaxFailuresPerPrincipal, 1, 10_000);
        Range(failures, "Topiary:Security:FailureWindowSeconds", options.Security.FailureWindowSeconds, 1, 3_600);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string setting, int value, int minimum, int maximum)
    {
        if (value < minimum || value > maximum)
        {
            failures.Add($"{setting} = {value} is out of range; allowed {minimum} to {maximum}");
        }
    }
}
