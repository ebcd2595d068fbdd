using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Topiary.Errors;

namespace Topiary.Tests.Client;

/// <summary>A request as the server reads it (protocol §3).</summary>
internal sealed record ServerRequest(long Id, string Op, JsonElement Args);

/// <summary>The gateway's end of one SDK connection, played by a test one message at a time.</summary>
internal sealed class ServerConnection(WebSocket socket)
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the test is done with the connection.</summary>
    public Task Finished => _finished.Task;

    /// <summary>A VALUE frame of protocol §5.</summary>
    public static byte[] ValueFrame(uint topicId, ulong sequence, ReadOnlySpan<byte> payload, byte flags = 0, ulong epoch = 0x9d1c33f0a3b2e001)
    {
        var frame = new byte[22 + payload.Length];
        frame[0] = 1;
        frame[1] = flags;
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(2), topicId);
        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(6), epoch);
        BinaryPrimitives.WriteUInt64LittleEndian(frame.AsSpan(14), sequence);
        payload.CopyTo(frame.AsSpan(22));
        return frame;
    }

    public async Task<(WebSocketMessageType Type, byte[] Data)> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        using var data = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            data.Write(buffer, 0, result.Count);
            if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
            {
                return (result.MessageType, data.ToArray());
            }
        }
    }

    public async Task<JsonElement> ReceiveJsonAsync()
    {
        var (type, data) = await ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Text, type);
        using var document = JsonDocument.Parse(data);
        return document.RootElement.Clone();
    }

    public async Task<ServerRequest> ReceiveRequestAsync()
    {
        var message = await ReceiveJsonAsync();
        return new ServerRequest(
            message.GetProperty("id").GetInt64(),
            message.GetProperty("op").GetString()!,
            message.TryGetProperty("args", out var args) ? args : default);
    }

    public Task SendTextAsync(string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public Task SendBinaryAsync(byte[] frame) =>
        socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

    /// <summary>Sends one message as several WebSocket frames (continuations).</summary>
    public async Task SendFragmentsAsync(byte[] message, WebSocketMessageType type, int fragmentBytes)
    {
        for (var offset = 0; offset < message.Length; offset += fragmentBytes)
        {
            var length = Math.Min(fragmentBytes, message.Length - offset);
            await socket.SendAsync(message.AsMemory(offset, length), type, offset + length == message.Length, CancellationToken.None);
        }
    }

    public Task RespondAsync(long id, string resultJson) =>
        SendTextAsync($$"""{"type":"response","id":{{id}},"result":{{resultJson}}}""");

    public Task RespondErrorAsync(long id, ErrorEnvelope error) =>
        SendTextAsync($$"""{"type":"response","id":{{id}},"error":{{EnvelopeJson(error)}}}""");

    /// <summary>Reads the <c>open</c> message, answers <c>opened</c>, and returns what the client sent.</summary>
    public async Task<JsonElement> CompleteHandshakeAsync(string principal = "admin", int maxMessageSize = 4 * 1024 * 1024)
    {
        var open = await ReceiveJsonAsync();
        Assert.Equal("open", open.GetProperty("type").GetString());
        await SendTextAsync($$"""
            {"type":"opened","protocol":1,"sessionId":"3f2a9c0d11e4b7a8-90c1d2e3f4a5b6c7","token":"t0k3n",
             "gateway":"gateway-1","serverVersion":"0.1.0","maxMessageSize":{{maxMessageSize}},
             "reconnectionTimeout":0,"principal":"{{principal}}"}
            """);
        return open;
    }

    public Task SendSubscribedAsync(uint topicId, string path, string type, long sequence = 0, string properties = "{}") =>
        SendTextAsync($$"""
            {"type":"subscribed","topicId":{{topicId}},"path":"{{path}}",
             "specification":{"type":"{{type}}","properties":{{properties}}},"epoch":"9d1c33f0a3b2e001","sequence":{{sequence}}}
            """);

    public Task SendUnsubscribedAsync(uint topicId, string path, string reason) =>
        SendTextAsync($$"""{"type":"unsubscribed","topicId":{{topicId}},"path":"{{path}}","reason":"{{reason}}"}""");

    /// <summary>Plays the server's side of <c>session.close</c>: answer, then close the WebSocket.</summary>
    public async Task AnswerCloseAsync()
    {
        var request = await ReceiveRequestAsync();
        Assert.Equal("session.close", request.Op);
        await RespondAsync(request.Id, "{}");
        await CloseAsync();
    }

    /// <summary>Starts the closing handshake and waits for the client's close frame.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string description = "")
    {
        try
        {
            await socket.CloseOutputAsync(status, description, CancellationToken.None);
            while ((await ReceiveAsync()).Type != WebSocketMessageType.Close)
            {
            }
        }
        catch (WebSocketException)
        {
            // The client may drop the connection instead of answering the close (after a rejection).
        }
        _finished.TrySetResult();
    }

    /// <summary>Drops the TCP connection without a closing handshake.</summary>
    public void Abort()
    {
        socket.Abort();
        _finished.TrySetResult();
    }

    public static string EnvelopeJson(ErrorEnvelope error) => new JsonObject
    {
        ["code"] = error.Code,
        ["name"] = error.Name,
        ["message"] = error.Message,
        ["retryable"] = error.Retryable,
        ["outcome"] = error.Outcome,
        ["details"] = error.Details?.DeepClone(),
        ["correlationId"] = error.CorrelationId,
    }.ToJsonString();
}
