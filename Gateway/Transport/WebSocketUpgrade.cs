using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Topiary.Gateway.Transport;

/// <summary>
/// The server side of the RFC 6455 §4.2 opening handshake on an HTTP/1.1 upgrade. Topiary
/// frames the connection itself (rather than through System.Net.WebSockets) so that a value
/// frame, header included, is built once per publish and copied to every subscriber.
/// </summary>
internal static class WebSocketUpgrade
{
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>Why the request is not a valid WebSocket upgrade, or null when it is.</summary>
    public static string? Validate(HttpContext context)
    {
        var request = context.Request;
        if (context.Features.Get<IHttpUpgradeFeature>() is not { IsUpgradableRequest: true })
        {
            return "this endpoint accepts WebSocket upgrades over HTTP/1.1 only";
        }
        if (!HttpMethods.IsGet(request.Method))
        {
            return "a WebSocket upgrade must use GET";
        }
        if (!request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase))
        {
            return "missing 'Upgrade: websocket'";
        }
        if (request.Headers.SecWebSocketVersion.ToString() != "13")
        {
            return "unsupported Sec-WebSocket-Version; only 13 is supported";
        }
        if (!IsValidKey(request.Headers.SecWebSocketKey.ToString()))
        {
            return "Sec-WebSocket-Key must be 16 bytes, base64-encoded";
        }
        return null;
    }

    /// <summary>Whether <paramref name="key"/> is a valid Sec-WebSocket-Key: 16 bytes, base64-encoded (RFC 6455 §4.1).</summary>
    public static bool IsValidKey(string? key)
    {
        Span<byte> decoded = stackalloc byte[24];
        return key is not null && Convert.TryFromBase64String(key, decoded, out var length) && length == 16;
    }

    /// <summary>Sends the 101 response and returns the raw duplex stream of the connection.</summary>
    public static Task<Stream> AcceptAsync(HttpContext context)
    {
        context.Response.Headers.Connection = "Upgrade";
        context.Response.Headers.Upgrade = "websocket";
        context.Response.Headers.SecWebSocketAccept = AcceptValue(context.Request.Headers.SecWebSocketKey.ToString());
        return context.Features.Get<IHttpUpgradeFeature>()!.UpgradeAsync();
    }

    /// <summary>The whole 101 response for a request carrying <paramref name="key"/>, for a connection taken over before HTTP.</summary>
    public static byte[] SwitchingProtocols(string key) => Encoding.ASCII.GetBytes(
        $"HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: {AcceptValue(key)}\r\n\r\n");

    /// <summary>The Sec-WebSocket-Accept value that proves the server read <paramref name="key"/> (RFC 6455 §4.2.2).</summary>
    public static string AcceptValue(string key)
    {
#pragma warning disable CA5350 // RFC 6455 mandates SHA-1 here; it is a handshake checksum, not a security control.
        return Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));
#pragma warning restore CA5350
    }
}
