using System.Text.Json;
using Topiary.Client.Protocol;
using Topiary.Errors;

namespace Topiary.Tests.Client.Protocol;

/// <summary>Server error envelopes (ERR-1) become the exception class ERR-2 names for their code.</summary>
[Trait("Category", TestCategories.Unit)]
public sealed class ErrorEnvelopeReaderTests
{
    [Theory]
    [InlineData(ErrorCode.InvalidPath, typeof(TopiaryArgumentException))]
    [InlineData(ErrorCode.IncompatibleType, typeof(TopiaryArgumentException))]
    [InlineData(ErrorCode.NotFound, typeof(TopiaryStateException))]
    [InlineData(ErrorCode.Conflict, typeof(TopiaryStateException))]
    [InlineData(ErrorCode.PermissionDenied, typeof(TopiarySecurityException))]
    [InlineData(ErrorCode.AuthenticationFailed, typeof(TopiarySecurityException))]
    [InlineData(ErrorCode.RateLimited, typeof(TopiaryCapacityException))]
    [InlineData(ErrorCode.LimitExceeded, typeof(TopiaryCapacityException))]
    [InlineData(ErrorCode.ClusterUnavailable, typeof(TopiaryTransientException))]
    [InlineData(ErrorCode.Retryable, typeof(TopiaryTransientException))]
    [InlineData(ErrorCode.Timeout, typeof(TopiaryOutcomeUnknownException))]
    [InlineData(ErrorCode.OutcomeUnknown, typeof(TopiaryOutcomeUnknownException))]
    [InlineData(ErrorCode.InternalError, typeof(TopiaryOutcomeUnknownException))]
    public void ERR_2_each_code_class_maps_to_its_exception(ErrorCode code, Type expected)
    {
        var sent = ErrorEnvelope.For(code, "something went wrong", new System.Text.Json.Nodes.JsonObject { ["path"] = "a//b", ["position"] = 2 }, "corr-1");
        var exception = TopiaryException.Create(Read(ServerConnection.EnvelopeJson(sent)));
        Assert.IsType(expected, exception);
        Assert.Equal(code, exception.Code);
        Assert.Equal(sent.Message, exception.Message);
        Assert.Equal(sent.Retryable, exception.Error.Retryable);
        Assert.Equal(sent.Outcome, exception.Error.Outcome);
        Assert.Equal("corr-1", exception.Error.CorrelationId);
        Assert.Equal(2, exception.Error.Details!["position"]!.GetValue<int>());
    }

    [Fact]
    public void Details_outlive_the_message_buffer()
    {
        ErrorEnvelope envelope;
        using (var document = JsonDocument.Parse("""{"code":1001,"name":"INVALID_PATH","message":"INVALID_PATH: x","details":{"path":"a//b"}}"""))
        {
            envelope = ErrorEnvelopeReader.Read(document.RootElement);
        }
        Assert.Equal("a//b", envelope.Details!["path"]!.GetValue<string>());
    }

    [Fact]
    public void Missing_members_take_the_code_defaults()
    {
        var envelope = Read("""{"code":5000}""");
        Assert.Equal("CLUSTER_UNAVAILABLE", envelope.Name);
        Assert.True(envelope.Retryable);
        Assert.Equal(ErrorEnvelope.NotApplied, envelope.Outcome);
        Assert.IsType<TopiaryTransientException>(TopiaryException.Create(envelope));
    }

    [Fact]
    public void Unknown_codes_keep_their_number_and_count_as_internal_errors()
    {
        var envelope = Read("""{"code":6123,"name":"NEW_THING","message":"NEW_THING: later","retryable":false,"outcome":"NOT_APPLIED"}""");
        Assert.Equal(6123, envelope.Code);
        Assert.Equal("NEW_THING", envelope.Name);
        Assert.IsType<TopiaryOutcomeUnknownException>(TopiaryException.Create(envelope));
    }

    [Fact]
    public void A_non_object_error_is_malformed() =>
        Assert.Throws<FormatException>(() => Read("\"boom\""));

    private static ErrorEnvelope Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ErrorEnvelopeReader.Read(document.RootElement);
    }
}
