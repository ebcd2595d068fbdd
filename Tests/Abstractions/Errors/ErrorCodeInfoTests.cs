using Topiary.Errors;

namespace Topiary.Tests.Abstractions.Errors;

[Trait("Category", TestCategories.Unit)]
public sealed class ErrorCodeInfoTests
{
    [Theory]
    [InlineData(ErrorCode.InvalidArgument, "INVALID_ARGUMENT", 1000)]
    [InlineData(ErrorCode.InvalidViewSpecification, "INVALID_VIEW_SPECIFICATION", 1004)]
    [InlineData(ErrorCode.ExclusiveUpdaterConflict, "EXCLUSIVE_UPDATER_CONFLICT", 2004)]
    [InlineData(ErrorCode.UpdateSourceNotActive, "UPDATE_SOURCE_NOT_ACTIVE", 2005)]
    [InlineData(ErrorCode.PermissionDenied, "PERMISSION_DENIED", 3000)]
    [InlineData(ErrorCode.ProtocolVersionMismatch, "PROTOCOL_VERSION_MISMATCH", 3004)]
    [InlineData(ErrorCode.LimitExceeded, "LIMIT_EXCEEDED", 4001)]
    [InlineData(ErrorCode.OutcomeUnknown, "OUTCOME_UNKNOWN", 5003)]
    [InlineData(ErrorCode.ServerInitialising, "SERVER_INITIALISING", 5005)]
    public void ERR_10_codes_have_the_wire_names_and_numbers_of_the_specification(ErrorCode code, string name, int number)
    {
        Assert.Equal(name, code.WireName());
        Assert.Equal(number, (int)code);
        Assert.Equal(code, ErrorCodeInfo.FromWireName(name));
    }

    [Fact]
    public void ERR_20_retryability_and_outcome_follow_the_three_classes()
    {
        Assert.True(ErrorCode.Retryable.IsRetryable());
        Assert.False(ErrorCode.NotFound.IsRetryable());
        Assert.True(ErrorCode.Timeout.IsOutcomeUnknown());
        Assert.Equal(ErrorEnvelope.Unknown, ErrorEnvelope.For(ErrorCode.InternalError, "x").Outcome);
        Assert.Equal("NOT_FOUND: no topic", ErrorEnvelope.For(ErrorCode.NotFound, "no topic").Message);
        Assert.Equal(ErrorCode.InternalError, ErrorCodeInfo.FromWireName("NO_SUCH_CODE"));
    }
}
