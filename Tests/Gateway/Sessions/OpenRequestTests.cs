using System.Text;
using Topiary.Errors;
using Topiary.Gateway.Sessions;
using Topiary.Tests.Abstractions.Topics;
using Topiary.Tests.Gateway.Protocol;

namespace Topiary.Tests.Gateway.Sessions;

/// <summary>
/// The handshake's <c>open</c> message (docs/protocol.md §2, SES-14): a well-formed one is read,
/// another protocol version is PROTOCOL_VERSION_MISMATCH naming the supported ones, and any
/// malformed one is INVALID_ARGUMENT naming the field — never another exception.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed class OpenRequestTests
{
    [Fact]
    public void Full_open_message_is_read()
    {
        var open = Parse("{ \"type\": \"open\", \"protocol\": 1, \"principal\": \"admin\", \"password\": \"secret\", \"clientType\": \"DOTNET\", \"environment\": \".NET 10.0; Linux x64\" }");

        Assert.Equal(new OpenRequest("admin", "secret", "DOTNET"), open);
    }

    [Fact]
    public void Minimal_open_message_is_anonymous_of_client_type_other()
    {
        Assert.Equal(new OpenRequest("", null, "OTHER"), Parse("{\"type\":\"open\",\"protocol\":1}"));
        Assert.Equal(new OpenRequest("", null, "OTHER"), Parse("{\"protocol\":1,\"type\":\"open\",\"future\":{\"x\":[1]}}"));
    }

    [Theory]
    [InlineData("{\"type\":\"open\",\"protocol\":2}")]
    [InlineData("{\"type\":\"open\",\"protocol\":0}")]
    [InlineData("{\"type\":\"open\",\"protocol\":-1}")]
    [InlineData("{\"type\":\"open\",\"protocol\":1.5}")]
    [InlineData("{\"type\":\"open\",\"protocol\":4294967297}")]
    public void SES_14_another_protocol_version_is_PROTOCOL_VERSION_MISMATCH_listing_the_supported_ones(string json)
    {
        var exception = Assert.ThrowsAny<TopiaryException>(() => Parse(json));

        Assert.Equal(ErrorCode.ProtocolVersionMismatch, exception.Code);
        Assert.Equal("[1]", exception.Details()["supported"]!.ToJsonString());
    }

    [Theory]
    [InlineData("", "message", "MALFORMED_JSON")]
    [InlineData("open", "message", "MALFORMED_JSON")]
    [InlineData("{\"type\":\"open\",", "message", "MALFORMED_JSON")]
    [InlineData("{}", "type", "EXPECTED_OPEN")]
    [InlineData("[]", "type", "EXPECTED_OPEN")]
    [InlineData("null", "type", "EXPECTED_OPEN")]
    [InlineData("\"open\"", "type", "EXPECTED_OPEN")]
    [InlineData("{\"type\":\"OPEN\",\"protocol\":1}", "type", "EXPECTED_OPEN")]
    [InlineData("{\"type\":\"resume\",\"protocol\":1}", "type", "EXPECTED_OPEN")]
    [InlineData("{\"type\":1,\"protocol\":1}", "type", "EXPECTED_OPEN")]
    [InlineData("{\"type\":null,\"protocol\":1}", "type", "EXPECTED_OPEN")]
    [InlineData("{\"type\":[\"open\"],\"protocol\":1}", "type", "EXPECTED_OPEN")]
    [InlineData("{\"type\":\"op\\ud800en\",\"protocol\":1}", "type", "INVALID_UNICODE")]
    [InlineData("{\"type\":\"open\"}", "protocol", "MISSING")]
    [InlineData("{\"type\":\"open\",\"protocol\":\"1\"}", "protocol", "WRONG_TYPE")]
    [InlineData("{\"type\":\"open\",\"protocol\":null}", "protocol", "WRONG_TYPE")]
    [InlineData("{\"type\":\"open\",\"protocol\":[1]}", "protocol", "WRONG_TYPE")]
    [InlineData("{\"type\":\"open\",\"protocol\":1,\"principal\":7}", "principal", "WRONG_TYPE")]
    [InlineData("{\"type\":\"open\",\"protocol\":1,\"principal\":null}", "principal", "WRONG_TYPE")]
    [InlineData("{\"type\":\"open\",\"protocol\":1,\"principal\":\"a\",\"password\":123}", "password", "WRONG_TYPE")]
    [InlineData("{\"type\":\"open\",\"protocol\":1,\"clientType\":{}}", "clientType", "WRONG_TYPE")]
    [InlineData("{\"type\":\"open\",\"protocol\":1,\"environment\":false}", "environment", "WRONG_TYPE")]
    [InlineData("{\"type\":\"open\",\"protocol\":1,\"principal\":\"\\ud800\"}", "principal", "INVALID_UNICODE")]
    [InlineData("{\"type\":\"open\",\"protocol\":1,\"password\":\"pa\\udfffss\"}", "password", "INVALID_UNICODE")]
    public void SES_14_malformed_open_message_is_INVALID_ARGUMENT_naming_the_field(string json, string argument, string reason)
    {
        ArgumentAssert.InvalidArgument(argument, reason, () => Parse(json));
    }

    [Fact]
    public void Principal_and_environment_longer_than_256_characters_are_refused()
    {
        var name = new string('p', 256);
        Assert.Equal(name, Parse($"{{\"type\":\"open\",\"protocol\":1,\"principal\":\"{name}\",\"environment\":\"{new string('e', 256)}\"}}").Principal);

        ArgumentAssert.InvalidArgument("principal", "TOO_LONG", () => Parse($"{{\"type\":\"open\",\"protocol\":1,\"principal\":\"{name}p\"}}"));
        ArgumentAssert.InvalidArgument("environment", "TOO_LONG",
            () => Parse($"{{\"type\":\"open\",\"protocol\":1,\"environment\":\"{new string('e', 257)}\"}}"));
    }

    [Theory]
    [InlineData("ad\\u0000min")]
    [InlineData("line\\nbreak")]
    [InlineData("tab\\there")]
    [InlineData("del\\u007f")]
    public void SEC_1_a_principal_name_with_a_control_character_is_refused(string jsonEscapedName) =>
        ArgumentAssert.InvalidArgument("principal", "CONTROL_CHARACTER",
            () => Parse($"{{\"type\":\"open\",\"protocol\":1,\"principal\":\"{jsonEscapedName}\",\"password\":\"x\"}}"));

    [Fact]
    public void Password_with_invalid_utf8_is_INVALID_ARGUMENT()
    {
        byte[] json = [.. "{\"type\":\"open\",\"protocol\":1,\"principal\":\"admin\",\"password\":\"x"u8, 0xC0, 0xAF, .. "\"}"u8];

        ArgumentAssert.InvalidArgument("password", "INVALID_UNICODE", () => OpenRequest.Parse(json));
    }

    [Fact]
    public void ERR_31_deeply_nested_open_message_is_malformed_json_not_a_stack_overflow()
    {
        var json = "{\"type\":\"open\",\"protocol\":1,\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        ArgumentAssert.InvalidArgument("message", "MALFORMED_JSON", () => Parse(json));
    }

    [Fact]
    public void Errors_leave_out_the_password()
    {
        var exception = Assert.ThrowsAny<TopiaryException>(() =>
            Parse("{\"type\":\"open\",\"protocol\":1,\"principal\":7,\"password\":\"hunter2-secret\"}"));

        Assert.DoesNotContain("hunter2", exception.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", exception.Details().ToJsonString(), StringComparison.Ordinal);
        ErrorAssert.Throws(ErrorCode.InvalidArgument, () => throw exception);
    }

    private static OpenRequest Parse(string json) => OpenRequest.Parse(Encoding.UTF8.GetBytes(json));
}
