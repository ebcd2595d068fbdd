using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Gateway.Protocol;

/// <summary>The errors the protocol layer itself raises about malformed messages.</summary>
internal static class ProtocolErrors
{
    public static TopiaryException InvalidArgument(string argument, string reason, string message) =>
        TopiaryException.Create(ErrorCode.InvalidArgument, message, new JsonObject { ["argument"] = argument, ["reason"] = reason });

    public static TopiaryException Missing(string argument, string expected) =>
        InvalidArgument(argument, "MISSING", $"the argument '{argument}' is required: {expected}");

    public static TopiaryException WrongType(string argument, string expected) =>
        InvalidArgument(argument, "WRONG_TYPE", $"the argument '{argument}' must be {expected}");

    public static TopiaryException InvalidUnicode(string argument) =>
        InvalidArgument(argument, "INVALID_UNICODE", $"the argument '{argument}' is not valid Unicode text (invalid UTF-8 or an unpaired surrogate)");
}
