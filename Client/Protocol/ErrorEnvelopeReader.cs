using System.Text.Json;
using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Client.Protocol;

/// <summary>Reads the error envelope of spec/errors.md ERR-1 from a response, a rejection or an error notification.</summary>
internal static class ErrorEnvelopeReader
{
    /// <summary>
    /// Reads <paramref name="error"/>. Missing members take the values ERR-10 gives the code, so a
    /// terse server still yields the right exception class.
    /// </summary>
    public static ErrorEnvelope Read(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the error member is not an object");
        }
        var code = error.TryGetProperty("code"u8, out var codeElement) && codeElement.TryGetInt32(out var number)
            ? number
            : (int)ErrorCode.InternalError;
        var defaults = ErrorEnvelope.For(Enum.IsDefined((ErrorCode)code) ? (ErrorCode)code : ErrorCode.InternalError, "");
        var name = GetString(error, "name"u8) ?? defaults.Name;
        // Details belong to a document that is disposed after dispatch, so they are cloned.
        var details = error.TryGetProperty("details"u8, out var detailsElement) && detailsElement.ValueKind == JsonValueKind.Object
            ? JsonObject.Create(detailsElement.Clone())
            : null;
        return new ErrorEnvelope(
            code,
            name,
            GetString(error, "message"u8) ?? name,
            error.TryGetProperty("retryable"u8, out var retryable) && retryable.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? retryable.GetBoolean()
                : defaults.Retryable,
            GetString(error, "outcome"u8) ?? defaults.Outcome,
            details,
            GetString(error, "correlationId"u8));
    }

    private static string? GetString(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String ? member.GetString() : null;
}
