using Topiary.Cli.Parsing;
using Topiary.Client;

namespace Topiary.Cli;

/// <summary>
/// Where and as whom to connect: <c>--url</c>, <c>--principal</c>, <c>--password</c>, else the
/// environment variables <c>TOPIARY_URL</c>, <c>TOPIARY_PRINCIPAL</c>, <c>TOPIARY_PASSWORD</c>
/// (an empty variable counts as unset), else the defaults (localhost, anonymous).
/// </summary>
internal sealed record ConnectionSettings(Uri Url, string Principal, string? Password)
{
    public const string DefaultUrl = "http://localhost:8080";
    public const string UrlVariable = "TOPIARY_URL";
    public const string PrincipalVariable = "TOPIARY_PRINCIPAL";
    public const string PasswordVariable = "TOPIARY_PASSWORD";

    /// <summary>The environment variables the CLI reads.</summary>
    public static IReadOnlyList<string> Variables { get; } = [UrlVariable, PrincipalVariable, PasswordVariable];

    /// <summary>Resolves the settings; a malformed URL is a usage error naming where it came from.</summary>
    public static ConnectionSettings Resolve(CommandLine commandLine, IReadOnlyDictionary<string, string?> environment)
    {
        var (url, urlSource) = Pick(commandLine, GlobalOptions.Url, environment, UrlVariable);
        var (principal, _) = Pick(commandLine, GlobalOptions.Principal, environment, PrincipalVariable);
        var (password, _) = Pick(commandLine, GlobalOptions.Password, environment, PasswordVariable);
        return new ConnectionSettings(ParseUrl(url ?? DefaultUrl, urlSource), principal ?? "", password);
    }

    /// <summary>The SDK options for these settings.</summary>
    public TopiarySessionOptions ToSessionOptions() => new() { Url = Url, Principal = Principal, Password = Password };

    private static (string? Value, string Source) Pick(
        CommandLine commandLine, OptionSpec option, IReadOnlyDictionary<string, string?> environment, string variable)
    {
        if (commandLine.Value(option) is { } value)
        {
            return (value, option.Name);
        }
        return environment.TryGetValue(variable, out var fromEnvironment) && !string.IsNullOrEmpty(fromEnvironment)
            ? (fromEnvironment, variable)
            : (null, option.Name);
    }

    private static Uri ParseUrl(string text, string source)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("ws" or "wss" or "http" or "https"))
        {
            throw new UsageException($"{source}: '{text}' is not a gateway URL; expected http://, https://, ws:// or wss:// HOST[:PORT], for example {DefaultUrl}");
        }
        // The SDK refuses unencrypted connections beyond this machine; say so in the CLI's terms.
        if (url.Scheme is "ws" or "http" && !url.IsLoopback)
        {
            throw new UsageException($"{source}: '{text}' is unencrypted and {url.Host} is not this machine; use https:// or wss://");
        }
        return url;
    }
}
