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
        if (options.Security.AdminPassword is { Length: < 8 })
        {
            failures.Add("Topiary:Security:AdminPassword must have at least 8 characters");
        }
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
