using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Topiary.Gateway.Protocol;
using Topiary.Gateway.Transport;
using Topiary.Topics;

namespace Topiary.Gateway.Hubs;

/// <summary>
/// Turns what the session core queued for one SignalR connection into SignalR messages, in
/// queue order: a response completes the hub invocation waiting for it; every other control
/// message (<c>subscribed</c>, <c>unsubscribed</c>, <c>error</c>) becomes a client method named
/// after its <c>type</c> with the native object as its one argument; a value frame becomes
/// <c>value</c> (<see cref="HubValueUpdate"/>); the close frame ends the session with a
/// <c>closing</c> message. Called by the connection's one drain loop only, apart from
/// <see cref="Expect"/> and <see cref="FailPending"/>.
/// </summary>
internal sealed class HubDelivery(ISingleClientProxy client, Func<HubClosing> closed)
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _calls = new();
    private readonly Dictionary<uint, (string Path, TopicType Type)> _topics = [];

    /// <summary>Registers request <paramref name="id"/> before it is dispatched; the task ends with its result or error.</summary>
    public Task<JsonElement> Expect(long id)
    {
        var call = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = call;
        return call.Task;
    }

    /// <summary>Fails every call still waiting: its answer can no longer come (the session ended or overflowed).</summary>
    public void FailPending(string closeReason)
    {
        foreach (var id in _calls.Keys)
        {
            if (_calls.TryRemove(id, out var call))
            {
                call.TrySetException(HubErrors.SessionClosed(closeReason,
                    "the session ended before the gateway answered; the request may or may not have been applied"));
            }
        }
    }

    public ValueTask DeliverAsync(WebSocketOpcode opcode, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => opcode switch
    {
        WebSocketOpcode.Text => DeliverControlAsync(payload, cancellationToken),
        WebSocketOpcode.Binary => DeliverValueAsync(payload.Span, payload, cancellationToken),
        WebSocketOpcode.Close => DeliverClosingAsync(cancellationToken),
        _ => ValueTask.CompletedTask,
    };

    private async ValueTask DeliverControlAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(payload);
        var message = document.RootElement;
        var type = message.GetProperty("type").GetString()!;
        if (type == "response")
        {
            if (_calls.TryRemove(message.GetProperty("id").GetInt64(), out var call))
            {
                if (message.TryGetProperty("error", out var error))
                {
                    call.TrySetException(HubErrors.From(error));
                }
                else
                {
                    call.TrySetResult(message.GetProperty("result").Clone());
                }
            }
            return;
        }
        if (type == "subscribed")
        {
            var specification = TopicTypes.Parse(message.GetProperty("specification").GetProperty("type").GetString()!);
            _topics[message.GetProperty("topicId").GetUInt32()] = (message.GetProperty("path").GetString()!, specification);
        }
        else if (type == "unsubscribed")
        {
            _topics.Remove(message.GetProperty("topicId").GetUInt32());
        }
        // Awaited while the document is alive: SignalR serializes the element before completing.
        await client.SendAsync(type, message, cancellationToken);
    }

    private ValueTask DeliverValueAsync(ReadOnlySpan<byte> frame, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        // Unknown kinds are ignored, as docs/protocol.md §5 asks of every client.
        if (frame.Length < ValueFrame.HeaderLength || frame[0] != ValueFrame.KindValue
            || !_topics.TryGetValue(BinaryPrimitives.ReadUInt32LittleEndian(frame[2..]), out var topic))
        {
            return ValueTask.CompletedTask;
        }
        var update = new HubValueUpdate(topic.Path, topic.Type,
            BinaryPrimitives.ReadUInt64LittleEndian(frame[6..]), BinaryPrimitives.ReadInt64LittleEndian(frame[14..]),
            frame[1], payload[ValueFrame.HeaderLength..]);
        return new ValueTask(client.SendAsync("value", update, cancellationToken));
    }

    private ValueTask DeliverClosingAsync(CancellationToken cancellationToken)
    {
        var closing = closed();
        return closing.Notify
            ? new ValueTask(client.SendAsync("closing", new { reason = closing.Reason, message = closing.Message }, cancellationToken))
            : ValueTask.CompletedTask;
    }
}
