using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using Topiary.Client;
using Topiary.Client.Protocol;
using Topiary.Errors;

namespace Topiary.Tests.Client.Protocol;

/// <summary>The <c>open</c> message and the server's answer (protocol §2).</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class HandshakeTests
{
    [Fact]
    public void Open_carries_protocol_credentials_and_client_description()
    {
        var open = WriteOpen(new TopiarySessionOptions { Url = new Uri("ws://localhost"), Principal = "admin", Password = "s3cret" });
        Assert.Equal("open", open.GetProperty("type").GetString());
        Assert.Equal(1, open.GetProperty("protocol").GetInt32());
        Assert.Equal("admin", open.GetProperty("principal").GetString());
        Assert.Equal("s3cret", open.GetProperty("password").GetString());
        Assert.Equal("DOTNET", open.GetProperty("clientType").GetString());
        var environment = open.GetProperty("environment").GetString()!;
        Assert.Contains(".NET", environment, StringComparison.Ordinal);
        Assert.InRange(environment.Length, 1, 256);
    }

    [Fact]
    public void Anonymous_open_has_an_empty_principal_and_no_password()
    {
        var open = WriteOpen(new TopiarySessionOptions { Url = new Uri("ws://localhost") });
        Assert.Equal("", open.GetProperty("principal").GetString());
        Assert.False(open.TryGetProperty("password", out _));
    }

    [Fact]
    public void Opened_is_read()
    {
        var reply = Handshake.ReadReply(Utf8("""
            {"type":"opened","protocol":1,"sessionId":"3f2a9c0d11e4b7a8-90c1d2e3f4a5b6c7","token":"x","gateway":"gateway-1",
             "serverVersion":"0.1.0","maxMessageSize":65536,"reconnectionTimeout":0,"principal":"admin","future":{"ignored":true}}
            """));
        Assert.Equal(new OpenedReply("3f2a9c0d11e4b7a8-90c1d2e3f4a5b6c7", "admin", "gateway-1", "0.1.0", 65536, 0), reply);
    }

    [Theory]
    [InlineData(3001, typeof(TopiarySecurityException))]
    [InlineData(3004, typeof(TopiarySecurityException))]
    [InlineData(5005, typeof(TopiaryTransientException))]
    [InlineData(4000, typeof(TopiaryCapacityException))]
    [InlineData(1000, typeof(TopiaryArgumentException))]
    public void SES_14_rejected_throws_the_envelopes_exception(int code, Type expected)
    {
        var envelope = ErrorEnvelope.For((ErrorCode)code, "no");
        var exception = Assert.ThrowsAny<TopiaryException>(() => Handshake.ReadReply(Utf8(
            $$"""{"type":"rejected","error":{{ServerConnection.EnvelopeJson(envelope)}}}""")));
        Assert.IsType(expected, exception);
        Assert.Equal((ErrorCode)code, exception.Code);
    }

    [Fact]
    public void Another_protocol_version_fails_with_PROTOCOL_VERSION_MISMATCH()
    {
        var exception = Assert.ThrowsAny<TopiaryException>(() => Handshake.ReadReply(Utf8("""{"type":"opened","protocol":2,"sessionId":"s"}""")));
        Assert.Equal(ErrorCode.ProtocolVersionMismatch, exception.Code);
    }

    [Theory]
    [InlineData("""{"type":"response","id":1,"result":{}}""")]
    [InlineData("""{"type":"opened","protocol":1}""")]
    [InlineData("""{"protocol":1}""")]
    [InlineData("not json")]
    [InlineData("[]")]
    public void Anything_else_is_a_protocol_violation(string message) =>
        Assert.Throws<ProtocolViolationException>(() => Handshake.ReadReply(Utf8(message)));

    private static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static JsonElement WriteOpen(TopiarySessionOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Handshake.WriteOpen(writer, options);
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
