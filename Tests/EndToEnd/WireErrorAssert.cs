using System.Text.Json.Nodes;

namespace Topiary.Tests.EndToEnd;

/// <summary>Checks an error envelope as it arrives on the wire (spec/errors.md ERR-1).</summary>
internal static class WireErrorAssert
{
    public static JsonObject Envelope(JsonObject? error, string name, int code)
    {
        Assert.NotNull(error);
        Assert.Equal(code, (int?)error["code"]);
        Assert.Equal(name, (string?)error["name"]);
        Assert.StartsWith(name + ": ", (string?)error["message"], StringComparison.Ordinal);
        Assert.False((bool?)error["retryable"]);
        Assert.Equal("NOT_APPLIED", (string?)error["outcome"]);
        Assert.NotNull(error["details"]);
        return error;
    }

    /// <summary>An INVALID_ARGUMENT envelope naming <paramref name="argument"/>.</summary>
    public static JsonObject InvalidArgument(JsonObject? error, string argument, string? reason = null)
    {
        Envelope(error, "INVALID_ARGUMENT", 1000);
        Assert.Equal(argument, (string?)error!["details"]!["argument"]);
        if (reason is not null)
        {
            Assert.Equal(reason, (string?)error["details"]!["reason"]);
        }
        return error;
    }
}
