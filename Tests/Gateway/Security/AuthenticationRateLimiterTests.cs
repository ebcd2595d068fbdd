using Microsoft.Extensions.Options;
using Topiary.Gateway.Hosting;
using Topiary.Gateway.Security;
using Topiary.Tests.Grains.Runtime;

namespace Topiary.Tests.Gateway.Security;

[Trait("Category", TestCategories.Unit)]
public sealed class AuthenticationRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly AuthenticationRateLimiter _limiter;

    public AuthenticationRateLimiterTests() =>
        _limiter = new AuthenticationRateLimiter(_time, Options.Create(new GatewayOptions
        {
            Security = { MaxFailuresPerAddress = 4, MaxFailuresPerPrincipal = 2, FailureWindowSeconds = 60 },
        }));

    [Fact]
    public void SES_91_a_principal_is_limited_after_its_failures_until_the_oldest_leaves_the_window()
    {
        _limiter.RecordFailure("10.0.0.1", "ann");
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(_limiter.RetryAfter("10.0.0.2", "ann"));
        _limiter.RecordFailure("10.0.0.2", "ann");

        Assert.Equal(TimeSpan.FromSeconds(50), _limiter.RetryAfter("10.0.0.3", "ann"));
        Assert.Null(_limiter.RetryAfter("10.0.0.3", "bob"));
        _time.Advance(TimeSpan.FromSeconds(50));
        Assert.Null(_limiter.RetryAfter("10.0.0.3", "ann"));
    }

    [Fact]
    public void SES_91_an_address_is_limited_whatever_the_principals_and_anonymous_counts_only_there()
    {
        foreach (var principal in new[] { "a", "b", "", "" })
        {
            _limiter.RecordFailure("10.0.0.1", principal);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(TimeSpan.FromSeconds(56), _limiter.RetryAfter("10.0.0.1", "fresh"));
        Assert.Null(_limiter.RetryAfter("10.0.0.9", "a"));
        Assert.Null(_limiter.RetryAfter("10.0.0.9", ""));
        _time.Advance(TimeSpan.FromSeconds(56));
        Assert.Null(_limiter.RetryAfter("10.0.0.1", "fresh"));
    }

    [Fact]
    public void SES_91_when_both_limits_apply_the_longer_wait_is_returned()
    {
        _limiter.RecordFailure("10.0.0.1", "x");
        _limiter.RecordFailure("10.0.0.1", "y");
        _time.Advance(TimeSpan.FromSeconds(10));
        _limiter.RecordFailure("10.0.0.1", "ann");
        _time.Advance(TimeSpan.FromSeconds(30));
        _limiter.RecordFailure("10.0.0.1", "ann");

        // Address: 4 failures, the oldest 40 s ago (20 s left); principal: 2, the oldest 30 s ago (30 s left).
        Assert.Equal(TimeSpan.FromSeconds(30), _limiter.RetryAfter("10.0.0.1", "ann"));
        Assert.Equal(TimeSpan.FromSeconds(20), _limiter.RetryAfter("10.0.0.1", "bob"));
        _time.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(TimeSpan.FromSeconds(9), _limiter.RetryAfter("10.0.0.1", "ann"));
        Assert.Null(_limiter.RetryAfter("10.0.0.1", "bob"));
    }
}
