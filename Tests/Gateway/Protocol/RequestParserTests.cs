using System.Text;
using System.Text.Json;
using Topiary.Errors;
using Topiary.Gateway.Protocol;

namespace Topiary.Tests.Gateway.Protocol;

/// <summary>
/// The request envelope <c>{ "id", "op", "args" }</c> (docs/protocol.md §3): every malformed
/// envelope is INVALID_ARGUMENT naming what is wrong, and the id is reported whenever it could be
/// read so the error can answer the request instead of becoming an <c>error</c> notification.
/// </summary>
[Trait("Category", TestCategories.Unit)]
public sealed class RequestParserTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("hello")]
    [InlineData("{")]
    [InlineData("{\"id\":1,\"op\":\"session.ping\"")]
    [InlineData("{\"id\":1,\"op\":\"session.ping\"} trailing")]
    [InlineData("{\"id\":1,\"op\":\"a\"}{\"id\":2,\"op\":\"b\"}")]
    [InlineData("{'id':1}")]
    [InlineData("{\"id\":01}")]
    [InlineData("{\"id\":1,}")]
    [InlineData("{\"id\":NaN}")]
    public void ERR_31_text_that_is_not_one_json_value_is_malformed_json_without_an_id(string text)
    {
        var (_, id) = Fail(text, "message", "MALFORMED_JSON");

        Assert.Null(id);
    }

    [Fact]
    public void ERR_31_nesting_deeper_than_the_limit_is_malformed_json_not_a_stack_overflow()
    {
        var deep = "{\"id\":1,\"op\":\"x\",\"args\":" + new string('[', 5000) + new string(']', 5000) + "}";

        Fail(deep, "message", "MALFORMED_JSON");
    }

    [Fact]
    public void Nesting_within_the_limit_is_accepted()
    {
        var nested = "{\"id\":1,\"op\":\"x\",\"args\":{\"a\":" + new string('[', 70) + new string(']', 70) + "}}";

        var request = Parse(nested);

        Assert.Equal("x", request.Op);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"id\":1,\"op\":\"session.ping\"}]")]
    [InlineData("\"session.ping\"")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("true")]
    public void A_message_that_is_not_an_object_is_named_as_such(string text)
    {
        Fail(text, "message", "WRONG_TYPE");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"op\":\"session.ping\"}")]
    [InlineData("{\"ID\":1,\"op\":\"session.ping\"}")]
    public void A_missing_id_is_named_and_no_id_is_reported(string text)
    {
        var (_, id) = Fail(text, "id", "MISSING");

        Assert.Null(id);
    }

    [Theory]
    [InlineData("{\"id\":\"7\",\"op\":\"session.ping\"}")]
    [InlineData("{\"id\":null,\"op\":\"session.ping\"}")]
    [InlineData("{\"id\":-1,\"op\":\"session.ping\"}")]
    [InlineData("{\"id\":1.5,\"op\":\"session.ping\"}")]
    [InlineData("{\"id\":1e300,\"op\":\"session.ping\"}")]
    [InlineData("{\"id\":9223372036854775808,\"op\":\"session.ping\"}")]
    [InlineData("{\"id\":[1],\"op\":\"session.ping\"}")]
    [InlineData("{\"id\":true,\"op\":\"session.ping\"}")]
    [InlineData("{\"id\":5.0e0,\"op\":\"session.ping\"}")]
    public void An_id_that_is_not_a_non_negative_integer_is_named_as_the_wrong_type(string text)
    {
        var (_, id) = Fail(text, "id", "WRONG_TYPE");

        Assert.Null(id);
    }

    [Theory]
    [InlineData("{\"id\":7}", "MISSING")]
    [InlineData("{\"id\":7,\"args\":{}}", "MISSING")]
    [InlineData("{\"id\":7,\"op\":17}", "WRONG_TYPE")]
    [InlineData("{\"id\":7,\"op\":null}", "WRONG_TYPE")]
    [InlineData("{\"id\":7,\"op\":[\"topics.add\"]}", "WRONG_TYPE")]
    public void A_missing_or_mistyped_op_is_named_and_the_id_is_kept_for_the_response(string text, string reason)
    {
        var (_, id) = Fail(text, "op", reason);

        Assert.Equal(7, id);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[1,2]")]
    [InlineData("\"path\"")]
    [InlineData("1")]
    [InlineData("true")]
    public void Args_that_are_not_an_object_are_named_and_the_id_is_kept(string args)
    {
        var (_, id) = Fail($"{{\"id\":7,\"op\":\"topics.add\",\"args\":{args}}}", "args", "WRONG_TYPE");

        Assert.Equal(7, id);
    }

    [Fact]
    public void Op_with_invalid_utf8_is_an_invalid_argument_not_a_crash()
    {
        byte[] message = [.. "{\"id\":7,\"op\":\"topics"u8, 0xFF, 0xFE, .. "\"}"u8];

        var (_, id) = Fail(message, "op", "INVALID_UNICODE");

        Assert.Equal(7, id);
    }

    [Fact]
    public void Op_with_an_unpaired_surrogate_escape_is_an_invalid_argument_not_a_crash()
    {
        var (_, id) = Fail("{\"id\":7,\"op\":\"topics.\\ud800add\"}", "op", "INVALID_UNICODE");

        Assert.Equal(7, id);
    }

    [Fact]
    public void A_well_formed_request_is_read_with_its_args()
    {
        var request = Parse("{ \"id\": 17, \"op\": \"topics.add\", \"args\": { \"path\": \"prices/EURUSD\", \"type\": \"DOUBLE\" }, \"extra\": 1 }");

        Assert.Equal(17, request.Id);
        Assert.Equal("topics.add", request.Op);
        Assert.Equal("prices/EURUSD", request.Args.GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("{\"id\":0,\"op\":\"session.ping\"}", 0L, JsonValueKind.Undefined)]
    [InlineData("{\"id\":9007199254740992,\"op\":\"session.ping\",\"args\":null}", 9007199254740992L, JsonValueKind.Null)]
    [InlineData("{\"op\":\"session.ping\",\"args\":{},\"id\":3}", 3L, JsonValueKind.Object)]
    public void Id_range_member_order_and_absent_or_null_args_are_accepted(string text, long id, JsonValueKind args)
    {
        var request = Parse(text);

        Assert.Equal(id, request.Id);
        Assert.Equal(args, request.Args.ValueKind);
    }

    private static ProtocolRequest Parse(string text)
    {
        JsonDocument? document = null;
        try
        {
            var request = RequestParser.Parse(Encoding.UTF8.GetBytes(text), out document, out _);
            // Args refers into the document; clone before it is disposed.
            return request with { Args = request.Args.ValueKind == JsonValueKind.Undefined ? default : request.Args.Clone() };
        }
        finally
        {
            document?.Dispose();
        }
    }

    private static (TopiaryException Error, long? Id) Fail(string text, string argument, string reason) =>
        Fail(Encoding.UTF8.GetBytes(text), argument, reason);

    private static (TopiaryException Error, long? Id) Fail(byte[] message, string argument, string reason)
    {
        var (error, id) = Run(message);
        return (ArgumentAssert.InvalidArgument(argument, reason, error), id);
    }

    // The id is an out parameter written before the parser throws, so it can be read after a failure.
    private static (TopiaryException? Error, long? Id) Run(byte[] message)
    {
        JsonDocument? document = null;
        long? id = null;
        try
        {
            RequestParser.Parse(message, out document, out id);
            return (null, id);
        }
        catch (TopiaryException exception)
        {
            return (exception, id);
        }
        finally
        {
            document?.Dispose();
        }
    }
}
