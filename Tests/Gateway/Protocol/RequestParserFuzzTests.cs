using System.Text;
using System.Text.Json;
using Topiary.Errors;
using Topiary.Gateway.Protocol;
using Topiary.Gateway.Sessions;
using Topiary.Tests.Abstractions.Topics;
using Topiary.Topics;

namespace Topiary.Tests.Gateway.Protocol;

/// <summary>
/// ERR-31 for the JSON side of the wire: for any message, the request parser, the typed argument
/// accessors, the value decoder and the handshake parser return a result or raise a client error
/// (1xxx, or PROTOCOL_VERSION_MISMATCH for the handshake) with a well-formed envelope — never
/// another exception, which the gateway would have to answer with INTERNAL_ERROR.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed class RequestParserFuzzTests
{
    private static readonly string[] RequestSeeds =
    [
        "{\"id\":1,\"op\":\"topics.add\",\"args\":{\"path\":\"prices/EURUSD\",\"type\":\"DOUBLE\",\"properties\":{\"PERSISTENT\":\"false\"}}}",
        "{\"id\":2,\"op\":\"topics.set\",\"args\":{\"path\":\"a/b\",\"type\":\"INT64\",\"value\":\"9223372036854775807\"}}",
        "{\"id\":3,\"op\":\"topics.fetch\",\"args\":{\"selector\":\"?a//\",\"limit\":10,\"after\":\"a/b\",\"withValues\":true}}",
        "{\"id\":4,\"op\":\"topics.addAndSet\",\"args\":{\"path\":\"b\",\"type\":\"BINARY\",\"value\":\"AAEC\"}}",
        "{\"id\":5,\"op\":\"session.ping\"}",
    ];

    private static readonly string[] OpenSeeds =
    [
        "{\"type\":\"open\",\"protocol\":1,\"principal\":\"admin\",\"password\":\"secret\",\"clientType\":\"DOTNET\",\"environment\":\".NET\"}",
        "{\"type\":\"open\",\"protocol\":1}",
    ];

    [Fact]
    public void ERR_31_any_request_message_gives_a_request_or_a_client_error()
    {
        var random = new Random(3);
        int parsed = 0, refused = 0;
        for (var iteration = 0; iteration < 4000; iteration++)
        {
            var message = Input(random, RequestSeeds, RandomJson.Request);
            try
            {
                if (CheckRequest(message))
                {
                    parsed++;
                }
                else
                {
                    refused++;
                }
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"iteration {iteration}, input {Show(message)}: {exception}");
            }
        }

        Assert.True(parsed > 400 && refused > 400, $"poor coverage: {parsed} parsed, {refused} refused");
    }

    [Fact]
    public void ERR_31_any_first_message_gives_an_open_request_or_a_handshake_rejection()
    {
        var random = new Random(14);
        int accepted = 0, rejected = 0;
        for (var iteration = 0; iteration < 3000; iteration++)
        {
            var message = Input(random, OpenSeeds, RandomJson.Open);
            try
            {
                var open = OpenRequest.Parse(message);
                Assert.NotNull(open.Principal);
                Assert.True(open.Principal.Length <= OpenRequest.MaxTextLength);
                accepted++;
            }
            catch (TopiaryException exception)
            {
                Assert.True(exception.Code is ErrorCode.InvalidArgument or ErrorCode.ProtocolVersionMismatch, exception.Message);
                CheckEnvelope(exception);
                rejected++;
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"iteration {iteration}, input {Show(message)}: {exception}");
            }
        }

        Assert.True(accepted > 200 && rejected > 200, $"poor coverage: {accepted} accepted, {rejected} rejected");
    }

    // Parses the envelope, then reads every argument the operations read, the way they read them.
    private static bool CheckRequest(byte[] message)
    {
        JsonDocument? document = null;
        try
        {
            var request = RequestParser.Parse(message, out document, out var id);
            Assert.Equal(request.Id, id);
            Assert.True(request.Id >= 0);
            var args = request.Args;
            Read(() => args.RequiredString("path", "the topic path"));
            Read(() => args.OptionalString("after"));
            Read(() => args.OptionalBool("withValues"));
            Read(() => args.OptionalInt("limit", 0, 100_000));
            Read(() => args.OptionalProperties("properties"));
            if (args.TryGet("value", out var value))
            {
                foreach (var type in Enum.GetValues<TopicType>())
                {
                    Read(() => ValueJson.Decode(type, value));
                }
            }
            return true;
        }
        catch (TopiaryException exception)
        {
            CheckEnvelope(exception);
            return false;
        }
        finally
        {
            document?.Dispose();
        }
    }

    private static void Read(Action read)
    {
        try
        {
            read();
        }
        catch (TopiaryException exception)
        {
            CheckEnvelope(exception);
        }
    }

    // A client error with the ERR-1 envelope: a 1xxx code (or the handshake's version mismatch),
    // a message that begins with the name, and details when the code documents them.
    private static void CheckEnvelope(TopiaryException exception)
    {
        Assert.True(exception.Code is < (ErrorCode)2000 or ErrorCode.ProtocolVersionMismatch, $"{exception.Code}: {exception.Message}");
        ErrorAssert.Throws(exception.Code, () => throw exception);
        if (exception.Code == ErrorCode.InvalidArgument)
        {
            Assert.False(string.IsNullOrEmpty(exception.Text("argument")), exception.Message);
            Assert.False(string.IsNullOrEmpty(exception.Text("reason")), exception.Message);
        }
    }

    // A generated message, a mutated seed, or bytes with a few random byte edits (invalid UTF-8).
    private static byte[] Input(Random random, string[] seeds, Func<Random, string> generate)
    {
        var text = random.Next(3) switch
        {
            0 => generate(random),
            1 => FuzzInput.Mutate(random, seeds[random.Next(seeds.Length)]),
            _ => generate(random),
        };
        var bytes = Encoding.UTF8.GetBytes(text);
        if (random.Next(4) == 0 && bytes.Length > 0)
        {
            for (var e = random.Next(1, 3); e > 0; e--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(0x80, 0x100);
            }
        }
        return bytes;
    }

    private static string Show(byte[] message) => Convert.ToHexString(message) + " " + FuzzInput.Show(Encoding.UTF8.GetString(message));
}
