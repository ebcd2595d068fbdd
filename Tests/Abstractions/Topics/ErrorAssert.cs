using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Tests.Abstractions.Topics;

/// <summary>Assertions on <see cref="TopiaryException"/>: code, envelope and details.</summary>
internal static class ErrorAssert
{
    /// <summary>Asserts that <paramref name="action"/> throws a TopiaryException with <paramref name="code"/> and a well-formed envelope.</summary>
    public static TopiaryException Throws(ErrorCode code, Action action)
    {
        var exception = Assert.ThrowsAny<TopiaryException>(action);
        Assert.Equal(code, exception.Code);
        Assert.StartsWith(code.WireName() + ": ", exception.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorEnvelope.NotApplied, exception.Error.Outcome);
        return exception;
    }

    public static JsonObject Details(this TopiaryException exception) =>
        exception.Error.Details ?? throw new Xunit.Sdk.XunitException("the error has no details");

    public static string? Text(this TopiaryException exception, string field) =>
        exception.Details()[field]?.GetValue<string>();

    public static int? Position(this TopiaryException exception) =>
        exception.Details()["position"]?.GetValue<int>();

    public static string[] Allowed(this TopiaryException exception) =>
        exception.Details()["allowed"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    /// <summary>Asserts an INVALID_SPECIFICATION error naming <paramref name="property"/> and <paramref name="value"/>.</summary>
    public static TopiaryException InvalidSpecification(string property, string? value, Action action)
    {
        var exception = Throws(ErrorCode.InvalidSpecification, action);
        Assert.Equal(property, exception.Text("property"));
        Assert.Equal(value, exception.Text("value"));
        Assert.NotEmpty(exception.Allowed());
        return exception;
    }

    /// <summary>Asserts an INVALID_VALUE error with <paramref name="reason"/> and <paramref name="position"/>.</summary>
    public static TopiaryException InvalidValue(string reason, int? position, Action action)
    {
        var exception = Throws(ErrorCode.InvalidValue, action);
        Assert.Equal(reason, exception.Text("reason"));
        Assert.Equal(position, exception.Position());
        return exception;
    }
}
