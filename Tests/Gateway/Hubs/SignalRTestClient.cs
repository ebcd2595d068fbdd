using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Topiary.Tests.EndToEnd;

namespace Topiary.Tests.Gateway.Hubs;

/// <summary>
/// Test support, not a product: a minimal SignalR client written from the published hub
/// protocol (JSON, version 1), because the .NET SignalR client package does not restore here.
/// It connects straight over WebSocket (as <c>skipNegotiation</c> clients do), performs the
/// handshake, sends invocations, and records the server's invocations and close message.
/// Records are JSON texts ended by the 0x1E record separator.
/// </summary>
internal sealed class SignalRTestClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonNode?>> _calls = new();
    private readonly Channel<(string Target, JsonNode? Argument)> _received = Channel.CreateUnbounded<(string, JsonNode?)>();
    private readonly TaskCompletionSource<string?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;
    private int _lastId;

    /// <summary>Completes when the connection ends: the server's close message error (null when none), or the reason it was lost.</summary>
    public Task<string?> Closed => _closed.Task;

    /// <summary>Connects to <c>/topiary/hub</c> and completes the JSON protocol handshake.</summary>
    public static async Task<SignalRTestClient> ConnectAsync(GatewayHost gateway)
    {
        var client = new SignalRTestClient();
        using var timeout = new CancellationTokenSource(Timeout);
        await client._socket.ConnectAsync(new UriBuilder(gateway.Url) { Scheme = "ws", Path = "/topiary/hub" }.Uri, timeout.Token);
        client._receiving = client.ReceiveAsync();
        await client.SendRecordAsync(new JsonObject { ["protocol"] = "json", ["version"] = 1 });
        var answer = await client._handshake.Task.WaitAsync(Timeout);
        Assert.Equal("{}", answer);
        return client;
    }

    /// <summary>Connects and opens a session with <c>open</c> (anonymous when <paramref name="principal"/> is null).</summary>
    public static async Task<SignalRTestClient> OpenAsync(GatewayHost gateway, string? principal = "admin", string password = GatewayHost.AdminPassword)
    {
        var client = await ConnectAsync(gateway);
        await client.InvokeAsync("open", principal is null ? new JsonObject() : new JsonObject { ["principal"] = principal, ["password"] = password });
        return client;
    }

    /// <summary>Invokes a hub method; returns its result or throws <see cref="HubInvocationException"/> with the error text.</summary>
    public async Task<JsonNode?> InvokeAsync(string target, params JsonNode?[] arguments)
    {
        var id = Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture);
        var call = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = call;
        await SendRecordAsync(new JsonObject
        {
            ["type"] = 1,
            ["invocationId"] = id,
            ["target"] = target,
            ["arguments"] = new JsonArray([.. arguments]),
        });
        return await call.Task.WaitAsync(Timeout);
    }

    /// <summary>The next server invocation of <paramref name="target"/>; fails on any other message or after 10 s.</summary>
    public async Task<JsonNode?> NextAsync(string target)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            var (received, argument) = await _received.Reader.ReadAsync(timeout.Token);
            Assert.True(target == received, $"expected '{target}', received '{received}': {argument?.ToJsonString()}");
            return argument;
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"no '{target}' message within {Timeout.TotalSeconds} s");
            throw;
        }
    }

    /// <summary>Asserts that no server invocation arrives within <paramref name="quietMilliseconds"/>.</summary>
    public async Task AssertQuietAsync(int quietMilliseconds = 200)
    {
        await Task.Delay(quietMilliseconds);
        Assert.False(_received.Reader.TryRead(out var unexpected), $"unexpected '{unexpected.Target}': {unexpected.Argument?.ToJsonString()}");
    }

    /// <summary>Drops the connection without a close handshake, as a crashed client would.</summary>
    public void Abort() => _socket.Abort();

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _receiving;
        _socket.Dispose();
    }

    public async Task SendRecordAsync(JsonNode record) =>
        await SendRawAsync(record.ToJsonString() + RecordSeparator);

    public async Task SendRawAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        var pending = new StringBuilder();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // Complete the close handshake, as SignalR clients do.
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    break;
                }
                pending.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                int end;
                while ((end = pending.ToString().IndexOf(RecordSeparator, StringComparison.Ordinal)) >= 0)
                {
                    var record = pending.ToString(0, end);
                    pending.Remove(0, end + 1);
                    OnRecord(record);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _closed.TrySetResult("connection lost: " + exception.Message);
        }
        _closed.TrySetResult(null);
        foreach (var call in _calls.Values)
        {
            call.TrySetException(new HubInvocationException("connection closed before the completion arrived"));
        }
        _received.Writer.TryComplete();
    }

    private void OnRecord(string record)
    {
        if (!_handshake.Task.IsCompleted)
        {
            _handshake.TrySetResult(record);
            return;
        }
        var message = JsonNode.Parse(record)!.AsObject();
        switch ((int)message["type"]!)
        {
            case 1:
                var arguments = message["arguments"]!.AsArray();
                _received.Writer.TryWrite(((string)message["target"]!, arguments.Count > 0 ? arguments[0]?.DeepClone() : null));
                break;
            case 3:
                if (_calls.TryRemove((string)message["invocationId"]!, out var call))
                {
                    if (message["error"] is { } error)
                    {
                        call.TrySetException(new HubInvocationException((string)error!));
                    }
                    else
                    {
                        call.TrySetResult(message["result"]?.DeepClone());
                    }
                }
                break;
            case 7:
                _closed.TrySetResult((string?)message["error"]);
                break;
            default:
                // 6 = ping (keep-alive): nothing to do.
                break;
        }
    }
}
