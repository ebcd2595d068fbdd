using System.Text;
using System.Text.Json;
using Topiary.Gateway.Hubs;
using Topiary.Gateway.Protocol;
using Topiary.Gateway.Sessions;
using Topiary.Tests.Gateway.Protocol;

namespace Topiary.Tests.Gateway.Hubs;

/// <summary>Hub invocations rewritten as native messages: what the session core then parses (docs/protocol.md §8.2, §8.3).</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class HubRequestsTests
{
    [Fact]
    public void Open_carries_the_callers_fields_and_always_protocol_1()
    {
        var open = OpenRequest.Parse(HubRequests.Open(Json("""{"principal":"admin","password":"p","clientType":"JAVASCRIPT_NODE","protocol":2,"type":"x"}""")));

        Assert.Equal(new OpenRequest("admin", "p", "JAVASCRIPT_NODE"), open);
    }

    [Fact]
    public void Open_without_fields_is_anonymous()
    {
        Assert.Equal(new OpenRequest("", null, "OTHER"), OpenRequest.Parse(HubRequests.Open(Json("{}"))));
        Assert.Equal(new OpenRequest("", null, "OTHER"), OpenRequest.Parse(HubRequests.Open(Json("null"))));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("\"admin\"")]
    [InlineData("[]")]
    public void Open_argument_that_is_not_an_object_is_INVALID_ARGUMENT(string args) =>
        ArgumentAssert.InvalidArgument("args", "WRONG_TYPE", () => HubRequests.Open(Json(args)));

    [Fact]
    public void Request_is_the_native_envelope_with_the_arguments_verbatim()
    {
        var bytes = HubRequests.Request(7, "topics.set", Json("""{"path":"a/b","type":"STRING","value":"é\u0000"}"""));

        var request = RequestParser.Parse(bytes, out var document, out var id);
        using (document)
        {
            Assert.Equal(7, id);
            Assert.Equal("topics.set", request.Op);
            Assert.Equal("é\0", request.Args.GetProperty("value").GetString());
        }
    }

    [Fact]
    public void Request_without_arguments_has_no_args_member()
    {
        var bytes = HubRequests.Request(1, "session.ping", default);

        Assert.Equal("""{"id":1,"op":"session.ping"}""", Encoding.UTF8.GetString(bytes));
    }

    private static JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);
}
