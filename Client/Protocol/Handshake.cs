using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using Topiary.Errors;

namespace Topiary.Client.Protocol;

/// <summary>Encodes the <c>open</c> message and reads the server's answer (protocol §2).</summary>
internal static class Handshake
{
    private const int MaxEnvironmentLength = 256;

    /// <summary>The runtime description sent as <c>environment</c>, cut to 256 characters.</summary>
    public static string Environment { get; } = Describe();

    public static void WriteOpen(Utf8JsonWriter writer, TopiarySessionOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(WireNames.Type, "open");
        writer.WriteNumber("protocol"u8, WireNames.ProtocolVersion);
        writer.WriteString("principal"u8, options.Principal);
        if (options.Password is not null)
        {
            writer.WriteString("password"u8, options.Password);
        }
        writer.WriteString("clientType"u8, "DOTNET");
        writer.WriteString("environment"u8, Environment);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Reads the first message of the server. <c>rejected</c> throws the envelope's exception
    /// (AUTHENTICATION_FAILED, PROTOCOL_VERSION_MISMATCH, …); anything else malformed throws
    /// <see cref="ProtocolViolationException"/>.
    /// </summary>
    public static OpenedReply ReadReply(ReadOnlyMemory<byte> message)
    {
        try
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            var type = root.GetProperty("type"u8);
            if (type.ValueEquals("rejected"u8))
            {
                throw TopiaryException.Create(ErrorEnvelopeReader.Read(root.GetProperty("error"u8)));
            }
            if (!type.ValueEquals("opened"u8))
            {
                throw new ProtocolViolationException($"expected 'opened' or 'rejected', got '{type.GetString()}'");
            }
            var protocol = root.GetProperty("protocol"u8).GetInt32();
            if (protocol != WireNames.ProtocolVersion)
            {
                throw TopiaryException.Create(
                    ErrorCode.ProtocolVersionMismatch,
                    $"the server opened protocol {protocol}; this SDK speaks protocol {WireNames.ProtocolVersion}");
            }
            return new OpenedReply(
                root.GetProperty("sessionId"u8).GetString()!,
                root.TryGetProperty("principal"u8, out var principal) ? principal.GetString() ?? "" : "",
                root.TryGetProperty("gateway"u8, out var gateway) ? gateway.GetString() ?? "" : "",
                root.TryGetProperty("serverVersion"u8, out var version) ? version.GetString() ?? "" : "",
                root.TryGetProperty("maxMessageSize"u8, out var size) ? size.GetInt32() : TopiarySessionOptions.DefaultMaxMessageSize,
                root.TryGetProperty("reconnectionTimeout"u8, out var reconnection) ? reconnection.GetInt64() : 0);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or (InvalidOperationException and not ProtocolViolationException))
        {
            throw new ProtocolViolationException($"malformed handshake answer: {e.Message}");
        }
    }

    private static string Describe()
    {
        var text = $"{RuntimeInformation.FrameworkDescription}; {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}";
        return text.Length <= MaxEnvironmentLength ? text : text[..MaxEnvironmentLength];
    }
}
