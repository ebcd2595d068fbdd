using Topiary.Cli;
using Topiary.Cli.Commands;
using Topiary.Cli.Parsing;

namespace Topiary.Tests.Cli;

/// <summary>Where the connection comes from: options win over TOPIARY_* variables, which win over the defaults.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class ConnectionSettingsTests
{
    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["TOPIARY_URL"] = "wss://env.example.com",
        ["TOPIARY_PRINCIPAL"] = "from-env",
        ["TOPIARY_PASSWORD"] = "env-secret",
    };

    [Fact]
    public void Options_win_over_the_environment()
    {
        var settings = Resolve(Environment, "ping", "--url", "https://option.example.com:8443", "--principal", "from-option", "--password", "option-secret");

        Assert.Equal(new Uri("https://option.example.com:8443"), settings.Url);
        Assert.Equal("from-option", settings.Principal);
        Assert.Equal("option-secret", settings.Password);
    }

    [Fact]
    public void The_environment_fills_what_options_leave_out()
    {
        var settings = Resolve(Environment, "ping", "--principal", "from-option");

        Assert.Equal(new Uri("wss://env.example.com"), settings.Url);
        Assert.Equal("from-option", settings.Principal);
        Assert.Equal("env-secret", settings.Password);
    }

    [Fact]
    public void Without_either_the_defaults_are_localhost_and_anonymous()
    {
        var empty = new Dictionary<string, string?> { ["TOPIARY_URL"] = "", ["TOPIARY_PRINCIPAL"] = null };
        var settings = Resolve(empty, "ping");

        Assert.Equal(new Uri(ConnectionSettings.DefaultUrl), settings.Url);
        Assert.Equal("", settings.Principal);
        Assert.Null(settings.Password);
    }

    [Theory]
    [InlineData("--url", "localhost:8080", "--url: 'localhost:8080' is not a gateway URL; expected http://, https://, ws:// or wss:// HOST[:PORT], for example http://localhost:8080")]
    [InlineData("--url", "ftp://example.com", "--url: 'ftp://example.com' is not a gateway URL; expected http://, https://, ws:// or wss:// HOST[:PORT], for example http://localhost:8080")]
    [InlineData("--url", "http://example.com", "--url: 'http://example.com' is unencrypted and example.com is not this machine; use https:// or wss://")]
    [InlineData("TOPIARY_URL", "not a url", "TOPIARY_URL: 'not a url' is not a gateway URL; expected http://, https://, ws:// or wss:// HOST[:PORT], for example http://localhost:8080")]
    public void A_bad_url_is_a_usage_error_naming_where_it_came_from(string source, string url, string message)
    {
        var fromOption = source.StartsWith("--", StringComparison.Ordinal);
        var environment = fromOption ? CliRunner.EmptyEnvironment : new Dictionary<string, string?> { [source] = url };
        string[] args = fromOption ? ["ping", source, url] : ["ping"];

        var error = Assert.Throws<UsageException>(() => Resolve(environment, args));
        Assert.Equal(message, error.Message);
    }

    private static ConnectionSettings Resolve(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        ConnectionSettings.Resolve(new CommandLineParser(CommandRegistry.Default).Parse(args), environment);
}
