using Topiary.Errors;
using Topiary.Tests.Abstractions.Topics;

namespace Topiary.Tests.Gateway.Protocol;

/// <summary>Asserts INVALID_ARGUMENT errors that name the offending argument and say why (ERR-10 details).</summary>
internal static class ArgumentAssert
{
    public static TopiaryException InvalidArgument(string argument, string reason, Action action) =>
        Check(ErrorAssert.Throws(ErrorCode.InvalidArgument, action), argument, reason);

    public static TopiaryException InvalidArgument(string argument, string reason, TopiaryException? exception)
    {
        Assert.NotNull(exception);
        return InvalidArgument(argument, reason, () => throw exception);
    }

    private static TopiaryException Check(TopiaryException exception, string argument, string reason)
    {
        Assert.Equal(argument, exception.Text("argument"));
        Assert.Equal(reason, exception.Text("reason"));
        Assert.Contains(argument, exception.Message, StringComparison.Ordinal);
        return exception;
    }
}
