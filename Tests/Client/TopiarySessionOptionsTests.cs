using Topiary.Client;
using Topiary.Errors;
using Topiary.Tests.Abstractions.Topics;

namespace Topiary.Tests.Client;

/// <summary>Session options (SES-10): ranges checked before connecting, endpoint URLs resolved.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class TopiarySessionOptionsTests
{
    [Theory]
    [InlineData("ws://localhost:8080", "ws://localhost:8080/topiary")]
    [InlineData("ws://localhost:8080/", "ws://localhost:8080/topiary")]
    [InlineData("http://127.0.0.1:8080", "ws://127.0.0.1:8080/topiary")]
    [InlineData("https://topiary.example.com", "wss://topiary.example.com/topiary")]
    [InlineData("wss://topiary.example.com/topiary", "wss://topiary.example.com/topiary")]
    [InlineData("wss://example.com/apps/topiary/", "wss://example.com/apps/topiary")]
    [InlineData("https://example.com:8443/base", "wss://example.com:8443/base/topiary")]
    [InlineData("ws://[::1]:9000", "ws://[::1]:9000/topiary")]
    public void SES_10_base_URLs_get_the_topiary_path_and_http_becomes_ws(string url, string expected) =>
        Assert.Equal(new Uri(expected), new TopiarySessionOptions { Url = new Uri(url) }.ResolveEndpoint());

    [Theory]
    [InlineData("ws://gateway:8080")]
    [InlineData("http://10.0.0.5")]
    public void SES_10_unencrypted_URLs_need_loopback_or_AllowUnencrypted(string url)
    {
        Assert.Equal("Url", ErrorAssert.Throws(ErrorCode.InvalidArgument, () => new TopiarySessionOptions { Url = new Uri(url) }.ResolveEndpoint()).Text("argument"));
        Assert.Equal("ws", new TopiarySessionOptions { Url = new Uri(url), AllowUnencrypted = true }.ResolveEndpoint().Scheme);
    }

    [Theory]
    [InlineData("ftp://localhost")]
    [InlineData("/relative")]
    public void Other_URLs_fail_with_INVALID_ARGUMENT(string url) =>
        ErrorAssert.Throws(ErrorCode.InvalidArgument, () => new TopiarySessionOptions { Url = new Uri(url, UriKind.RelativeOrAbsolute) }.ResolveEndpoint());

    [Fact]
    public void SES_10_defaults()
    {
        var options = new TopiarySessionOptions { Url = new Uri("ws://localhost") };
        Assert.Equal(TimeSpan.FromSeconds(10), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ConnectionTimeout);
        Assert.Equal(4 * 1024 * 1024, options.MaxMessageSize);
        Assert.Equal("", options.Principal);
        Assert.Null(options.Password);
        options.Validate();
    }

    public static TheoryData<string, Func<TopiarySessionOptions, TopiarySessionOptions>> OutOfRange => new()
    {
        { "RequestTimeout", o => With(o, requestTimeout: TimeSpan.FromMilliseconds(99)) },
        { "RequestTimeout", o => With(o, requestTimeout: TimeSpan.FromMinutes(10) + TimeSpan.FromTicks(1)) },
        { "ConnectionTimeout", o => With(o, connectionTimeout: TimeSpan.Zero) },
        { "ConnectionTimeout", o => With(o, connectionTimeout: TimeSpan.FromHours(2)) },
        { "MaxMessageSize", o => With(o, maxMessageSize: 64 * 1024 - 1) },
        { "MaxMessageSize", o => With(o, maxMessageSize: 64 * 1024 * 1024 + 1) },
        { "Principal", o => With(o, principal: new string('p', 257)) },
        { "Password", o => With(o, password: new string('p', 4097)) },
        { "Url", o => new TopiarySessionOptions { Url = null! } },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void ERR_34_options_out_of_range_fail_with_INVALID_ARGUMENT_naming_the_option(string option, Func<TopiarySessionOptions, TopiarySessionOptions> change)
    {
        var options = change(new TopiarySessionOptions { Url = new Uri("ws://localhost") });
        Assert.Equal(option, ErrorAssert.Throws(ErrorCode.InvalidArgument, options.Validate).Text("argument"));
    }

    [Fact]
    public void Limits_themselves_are_allowed() =>
        With(new TopiarySessionOptions { Url = new Uri("ws://localhost") },
            requestTimeout: TimeSpan.FromMilliseconds(100), connectionTimeout: TimeSpan.FromMilliseconds(1),
            maxMessageSize: 64 * 1024, principal: new string('p', 256), password: new string('p', 4096)).Validate();

    [Fact]
    public async Task ERR_34_OpenAsync_checks_options_before_connecting() =>
        await Assert.ThrowsAsync<TopiaryArgumentException>(() => TopiarySession.OpenAsync(new TopiarySessionOptions
        {
            Url = new Uri("ws://localhost:1"),
            RequestTimeout = TimeSpan.Zero,
        }));

    private static TopiarySessionOptions With(
        TopiarySessionOptions o, TimeSpan? requestTimeout = null, TimeSpan? connectionTimeout = null, int? maxMessageSize = null,
        string? principal = null, string? password = null) => new()
    {
        Url = o.Url,
        RequestTimeout = requestTimeout ?? o.RequestTimeout,
        ConnectionTimeout = connectionTimeout ?? o.ConnectionTimeout,
        MaxMessageSize = maxMessageSize ?? o.MaxMessageSize,
        Principal = principal ?? o.Principal,
        Password = password ?? o.Password,
    };
}
