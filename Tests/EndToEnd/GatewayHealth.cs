using System.Net;
using Topiary.Client.Topics;
using Topiary.Topics;

namespace Topiary.Tests.EndToEnd;

/// <summary>
/// ERR-30/31 after bad input: the gateway is still ready and a fresh session can add, set and
/// fetch — the misbehaving client affected nobody else.
/// </summary>
internal static class GatewayHealth
{
    public static async Task AssertServingAsync(GatewayHost gateway)
    {
        using (var http = new HttpClient { BaseAddress = gateway.Url })
        {
            using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        await using var session = await Sessions.AdminAsync(gateway);
        var path = "health/" + Guid.NewGuid().ToString("N");
        Assert.True(await session.Topics.AddAsync(path, TopicType.String));
        await session.Topics.SetAsync(path, "still serving");
        var fetched = await session.Topics.FetchAsync(path, new FetchOptions { WithValues = true });
        Assert.Equal("still serving", Assert.Single(fetched.Results).GetValue<string>());
    }
}
