using System.Buffers;
using System.Text;
using Topiary.Gateway.Transport;

namespace Topiary.Tests.Gateway.Transport;

/// <summary>
/// Which first bytes of a connection the native endpoint takes over before HTTP: only a whole,
/// valid WebSocket upgrade for <c>/topiary</c>; everything doubtful is left to Kestrel's HTTP
/// stack (which then answers it as before), so a false "no" is harmless and a false "yes" is not.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed class UpgradeRequestHeadTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";
    private const string Valid = "GET /topiary HTTP/1.1\r\nHost: example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        "Sec-WebSocket-Key: " + Key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";

    [Fact]
    public void A_whole_valid_upgrade_is_taken_with_its_length_and_key()
    {
        var bytes = Encoding.ASCII.GetBytes(Valid + "\x81\x85trailing frame bytes");

        Assert.True(UpgradeRequestHead.TryRead(new ReadOnlySequence<byte>(bytes), "/topiary", out var length, out var key));
        Assert.Equal(Valid.Length, length);
        Assert.Equal(Key, key);
    }

    [Fact]
    public void A_head_spread_over_several_buffer_segments_is_read_whole()
    {
        var bytes = Encoding.ASCII.GetBytes(Valid);
        var sequence = SegmentedSequence.Create(bytes.Chunk(7).ToArray());

        Assert.True(UpgradeRequestHead.TryRead(sequence, "/topiary", out var length, out _));
        Assert.Equal(Valid.Length, length);
    }

    [Fact]
    public void The_accept_value_is_the_one_RFC_6455_gives_for_its_sample_key() =>
        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketUpgrade.AcceptValue(Key));

    public static TheoryData<string, string> Taken() => new()
    {
        { "query string", Valid.Replace("GET /topiary ", "GET /topiary?x=1 ", StringComparison.Ordinal) },
        { "lower-case header names", Valid.ToLowerInvariant().Replace(Key.ToLowerInvariant(), Key, StringComparison.Ordinal).Replace("get /topiary http/1.1", "GET /topiary HTTP/1.1", StringComparison.Ordinal) },
        { "connection with several tokens", Valid.Replace("Connection: Upgrade", "Connection: keep-alive, Upgrade", StringComparison.Ordinal) },
        { "no space after the colons", Valid.Replace(": ", ":", StringComparison.Ordinal) },
        { "content-length zero", Valid.Replace("Host: example\r\n", "Host: example\r\nContent-Length: 0\r\n", StringComparison.Ordinal) },
        { "other headers", Valid.Replace("Host: example\r\n", "Host: example\r\nOrigin: http://x\r\nSec-WebSocket-Protocol: topiary\r\n", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(Taken))]
    public void Valid_variants_are_taken(string description, string request) =>
        Assert.True(UpgradeRequestHead.TryRead(Sequence(request), "/topiary", out _, out _), description);

    public static TheoryData<string, string> LeftToHttp() => new()
    {
        { "another path", Valid.Replace("GET /topiary ", "GET /health/ready ", StringComparison.Ordinal) },
        { "the hub below the path", Valid.Replace("GET /topiary ", "GET /topiary/hub ", StringComparison.Ordinal) },
        { "a longer path with the same start", Valid.Replace("GET /topiary ", "GET /topiaryx ", StringComparison.Ordinal) },
        { "POST", Valid.Replace("GET ", "POST ", StringComparison.Ordinal) },
        { "HTTP/1.0", Valid.Replace("HTTP/1.1", "HTTP/1.0", StringComparison.Ordinal) },
        { "HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" },
        { "a TLS client hello", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n" },
        { "head not complete yet", Valid[..^2] },
        { "only the request line", "GET /topiary HTTP/1.1\r\n" },
        { "empty", "" },
        { "no Host", Valid.Replace("Host: example\r\n", "", StringComparison.Ordinal) },
        { "no Upgrade", Valid.Replace("Upgrade: websocket\r\n", "", StringComparison.Ordinal) },
        { "Upgrade to something else", Valid.Replace("Upgrade: websocket", "Upgrade: h2c", StringComparison.Ordinal) },
        { "no Connection: upgrade", Valid.Replace("Connection: Upgrade", "Connection: keep-alive", StringComparison.Ordinal) },
        { "version 8", Valid.Replace("Version: 13", "Version: 8", StringComparison.Ordinal) },
        { "no version", Valid.Replace("Sec-WebSocket-Version: 13\r\n", "", StringComparison.Ordinal) },
        { "no key", Valid.Replace("Sec-WebSocket-Key: " + Key + "\r\n", "", StringComparison.Ordinal) },
        { "key not base64", Valid.Replace(Key, "not base64!", StringComparison.Ordinal) },
        { "key of 15 bytes", Valid.Replace(Key, Convert.ToBase64String(new byte[15]), StringComparison.Ordinal) },
        { "two keys", Valid.Replace("Host: example\r\n", "Host: example\r\nSec-WebSocket-Key: " + Key + "\r\n", StringComparison.Ordinal) },
        { "two hosts", Valid.Replace("Host: example\r\n", "Host: example\r\nHost: other\r\n", StringComparison.Ordinal) },
        { "a body by length", Valid.Replace("Host: example\r\n", "Host: example\r\nContent-Length: 5\r\n", StringComparison.Ordinal) },
        { "a chunked body", Valid.Replace("Host: example\r\n", "Host: example\r\nTransfer-Encoding: chunked\r\n", StringComparison.Ordinal) },
        { "space before a colon", Valid.Replace("Host: example", "Host : example", StringComparison.Ordinal) },
        { "a folded header line", Valid.Replace("Host: example\r\n", "Host: example\r\n  folded\r\n", StringComparison.Ordinal) },
        { "a line without a colon", Valid.Replace("Host: example\r\n", "Host: example\r\nnonsense\r\n", StringComparison.Ordinal) },
        { "extra spaces in the request line", Valid.Replace("GET /topiary", "GET  /topiary", StringComparison.Ordinal) },
        { "a head longer than the limit", Valid.Replace("Host: example\r\n", "Host: example\r\nX-Padding: " + new string('p', UpgradeRequestHead.MaxHeadBytes) + "\r\n", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(LeftToHttp))]
    public void Anything_else_is_left_to_HTTP(string description, string request) =>
        Assert.False(UpgradeRequestHead.TryRead(Sequence(request), "/topiary", out _, out _), description);

    private static ReadOnlySequence<byte> Sequence(string text) => new(Encoding.Latin1.GetBytes(text));
}
