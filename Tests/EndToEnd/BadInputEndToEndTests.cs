using Topiary.Client;
using Topiary.Client.Topics;
using Topiary.Errors;
using Topiary.Topics;

namespace Topiary.Tests.EndToEnd;

/// <summary>
/// ERR-30: each bad input gets its specific error and leaves the process and stored data as
/// they were. Every test ends by reading the untouched topic back.
/// </summary>
[Trait("Category", TestCategories.EndToEnd)]
public sealed class BadInputEndToEndTests : IAsyncLifetime
{
    private GatewayHost _gateway = null!;
    private ITopiarySession _admin = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayHost.StartAsync();
        _admin = await Sessions.AdminAsync(_gateway);
        await _admin.Topics.AddAndSetAsync("kept/int", TopicType.Int64, 42L);
    }

    public async Task DisposeAsync()
    {
        await _admin.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task TOP_15_wrong_value_type_is_incompatible_type_and_changes_nothing()
    {
        var error = await Assert.ThrowsAsync<TopiaryArgumentException>(() => _admin.Topics.SetAsync("kept/int", "forty-three"));
        Assert.Equal(ErrorCode.IncompatibleType, error.Code);
        Assert.Equal("INT64", (string?)error.Error.Details!["expected"]);
        Assert.Equal("STRING", (string?)error.Error.Details!["actual"]);
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task UPD_1_setting_an_unknown_topic_is_not_found()
    {
        var error = await Assert.ThrowsAsync<TopiaryStateException>(() => _admin.Topics.SetAsync("no/such/topic", 1L));
        Assert.Equal(ErrorCode.NotFound, error.Code);
        Assert.Equal("topic", (string?)error.Error.Details!["kind"]);
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task TOP_14_oversized_value_is_limit_exceeded_and_nothing_is_stored()
    {
        await _admin.Topics.AddAndSetAsync("kept/text", TopicType.String, "small");
        var huge = new string('x', 1024 * 1024 + 1);

        var error = await Assert.ThrowsAsync<TopiaryCapacityException>(() => _admin.Topics.SetAsync("kept/text", huge));

        Assert.Equal(ErrorCode.LimitExceeded, error.Code);
        Assert.Contains("1048576", error.Message, StringComparison.Ordinal);
        var fetched = await _admin.Topics.FetchAsync("kept/text", new FetchOptions { WithValues = true });
        Assert.Equal("small", fetched.Results[0].Value.AsString());
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task TOP_8_invalid_path_names_the_position_and_reason()
    {
        var error = await Assert.ThrowsAsync<TopiaryArgumentException>(() => _admin.Topics.AddAsync("a//b", TopicType.String));
        Assert.Equal(ErrorCode.InvalidPath, error.Code);
        Assert.Equal(2, (int?)error.Error.Details!["position"]);
        Assert.Equal("EMPTY_SEGMENT", (string?)error.Error.Details!["reason"]);
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task SEL_50_invalid_selector_names_the_position_and_reason()
    {
        var error = await Assert.ThrowsAsync<TopiaryArgumentException>(() => _admin.Topics.RemoveAsync("?kept/(int"));
        Assert.Equal(ErrorCode.InvalidSelector, error.Code);
        Assert.Equal("INVALID_REGEX", (string?)error.Error.Details!["reason"]);
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task TOP_21_unknown_property_is_invalid_specification()
    {
        var error = Assert.Throws<TopiaryArgumentException>(() => TopicSpecification.Create(TopicType.String,
            new Dictionary<string, string> { ["NO_SUCH_PROPERTY"] = "1" }));
        Assert.Equal(ErrorCode.InvalidSpecification, error.Code);
        Assert.Equal("NO_SUCH_PROPERTY", (string?)error.Error.Details!["property"]);
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task Anonymous_sessions_may_fetch_and_subscribe_but_not_modify()
    {
        await using var anonymous = await Sessions.AnonymousAsync(_gateway);
        var fetched = await anonymous.Topics.FetchAsync("kept/int", new FetchOptions { WithValues = true });
        Assert.Equal(42L, fetched.Results[0].Value.AsInt64());

        var denied = await Assert.ThrowsAsync<TopiarySecurityException>(() => anonymous.Topics.SetAsync("kept/int", 1L));
        Assert.Equal(ErrorCode.PermissionDenied, denied.Code);
        Assert.Equal("UPDATE_TOPIC", (string?)denied.Error.Details!["permission"]);
        var addDenied = await Assert.ThrowsAsync<TopiarySecurityException>(() => anonymous.Topics.AddAsync("anon/topic", TopicType.String));
        Assert.Equal("MODIFY_TOPIC", (string?)addDenied.Error.Details!["permission"]);
        Assert.Equal(0, await anonymous.Topics.RemoveAsync("?kept//"));
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task ERR_11_wrong_password_fails_authentication_without_saying_which_part()
    {
        var error = await Assert.ThrowsAsync<TopiarySecurityException>(() => TopiarySession.OpenAsync(new TopiarySessionOptions
        {
            Url = _gateway.Url,
            Principal = "admin",
            Password = "not-the-password",
        }));
        Assert.Equal(ErrorCode.AuthenticationFailed, error.Code);
        Assert.DoesNotContain("password is wrong", error.Message, StringComparison.OrdinalIgnoreCase);
        await AssertUntouchedAsync();
    }

    private async Task AssertUntouchedAsync()
    {
        await using var reader = await Sessions.AnonymousAsync(_gateway);
        var fetched = await reader.Topics.FetchAsync("kept/int", new FetchOptions { WithValues = true });
        Assert.Equal(42L, Assert.Single(fetched.Results).Value.AsInt64());
        Assert.Equal(1, fetched.Results[0].Sequence);
    }
}
