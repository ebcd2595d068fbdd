using System.Text.Json;
using Microsoft.Extensions.Logging;
using Topiary.Errors;
using Topiary.Runtime.Activation;
using Topiary.Runtime.Hosting;

namespace Topiary.Runtime.Calls;

/// <summary>
/// Both ends of every call. Caller side: serialises the request, registers the pending call, hands the
/// bytes to the transport. Callee side: decodes requests into grain or observer work, and serialises
/// results and errors back. A <see cref="TopiaryException"/> travels with its envelope; anything else
/// is logged at Error with a correlation id and reaches the caller as a bare INTERNAL_ERROR.
/// </summary>
internal sealed class CallDispatcher(GrainRuntime runtime, ILogger logger)
{
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _knownAddresses =
        new Dictionary<string, string>(StringComparer.Ordinal) { [runtime.Transport.LocalAddress] = runtime.Transport.LocalAddress }
            .GetAlternateLookup<ReadOnlySpan<char>>();

    private long TimeoutMilliseconds => (long)runtime.Calls.CallTimeout.TotalMilliseconds;

    public void StartCall(in CallTarget target, MethodDescriptor method, object?[] arguments, PendingCall call)
    {
        long callId = 0;
        var buffer = default(MessageBuffer);
        try
        {
            if (runtime.Status != RuntimeStatus.Running)
            {
                call.Fail(runtime.Status == RuntimeStatus.NotStarted ? CallErrors.NotStarted() : CallErrors.Stopped());
                return;
            }
            var codecs = method.GetCodecs(runtime.Serializer);
            call.ResultCodec = codecs.Result;
            callId = runtime.Calls.Register(call);
            buffer = MessageBuffer.Rent();
            try
            {
                MessageCodec.WriteRequest(buffer.Writer, callId, runtime.Transport.LocalAddress, TimeoutMilliseconds,
                    target, method, codecs.Arguments, arguments, CallChain.Current);
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
            {
                throw CallErrors.SerialisationFailed($"the arguments of {method.DisplayName}", ex);
            }
            // Standalone: every grain lives here. The cluster provider will locate the owning silo instead.
            var destination = target.ObserverAddress ?? runtime.Transport.LocalAddress;
            var sent = runtime.Transport.SendAsync(destination, buffer.WrittenMemory);
            if (!sent.IsCompletedSuccessfully)
            {
                _ = CompleteSendAsync(sent, buffer, callId, target);
                buffer = null;
                return;
            }
            if (!sent.Result)
            {
                runtime.Calls.TryTake(callId)?.Fail(target.IsObserver ? CallErrors.ObserverNotFound() : CallErrors.Unreachable());
            }
        }
        catch (Exception ex)
        {
            if (callId != 0)
            {
                runtime.Calls.TryTake(callId);
            }
            if (ex is not TopiaryException)
            {
                RuntimeLog.SendFailed(logger, ex, method.DisplayName);
            }
            call.Fail(ex as TopiaryException ?? CallErrors.Unreachable());
        }
        finally
        {
            buffer?.Dispose();
        }
    }

    /// <summary>The transport's receiver: decodes one message and routes it. Never throws.</summary>
    public void OnMessage(ReadOnlyMemory<byte> message)
    {
        long callId = 0;
        string? replyTo = null;
        try
        {
            var reader = new Utf8JsonReader(message.Span);
            (var isResponse, callId) = MessageCodec.ReadHeader(ref reader);
            if (isResponse)
            {
                ReceiveResponse(ref reader, callId);
                return;
            }
            MessageCodec.ReadProperty(ref reader, "from"u8);
            replyTo = MessageCodec.TryLookup(ref reader, _knownAddresses, out var known, out var other) ? known : other!;
            var (request, observer, grainClass) = RequestReader.Read(ref reader, runtime, callId, replyTo);
            if (observer is not null)
            {
                observer.Enqueue(request);
            }
            else
            {
                runtime.Catalog.Dispatch(new GrainId(grainClass!.GrainType, request.Target.Key), grainClass, new RequestWorkItem(request));
            }
        }
        catch (Exception ex)
        {
            if (replyTo is null)
            {
                RuntimeLog.MalformedMessage(logger, ex);
                return;
            }
            SendError(replyTo, callId, ToEnvelope(ex, "(undecodable request)", "(unknown)"));
        }
    }

    /// <summary>Sends the successful result of <paramref name="request"/>.</summary>
    public void SendResult(IncomingRequest request, object? result)
    {
        var buffer = MessageBuffer.Rent();
        try
        {
            MessageCodec.WriteResult(buffer.Writer, request.CallId, request.Method.GetCodecs(runtime.Serializer).Result, result);
        }
        catch (Exception ex)
        {
            buffer.Dispose();
            var error = ex is TopiaryException ? ex : CallErrors.SerialisationFailed($"the result of {request.Method.DisplayName}", ex);
            SendError(request, error);
            return;
        }
        Send(request.ReplyTo, buffer);
    }

    /// <summary>Sends <paramref name="exception"/> as the outcome of <paramref name="request"/> (logging it unless it is a TopiaryException).</summary>
    public void SendError(IncomingRequest request, Exception exception) =>
        SendError(request.ReplyTo, request.CallId, ToEnvelope(exception, request.Target.ToString(), request.Method.DisplayName));

    /// <summary>The envelope for <paramref name="exception"/>; unexpected exceptions are logged with a new correlation id.</summary>
    public ErrorEnvelope ToEnvelope(Exception exception, string target, string method)
    {
        if (exception is TopiaryException topiary)
        {
            return topiary.Error;
        }
        var correlationId = Guid.NewGuid().ToString("N");
        RuntimeLog.CallFailed(logger, exception, target, method, correlationId);
        return CallErrors.Internal(correlationId);
    }

    private void ReceiveResponse(ref Utf8JsonReader reader, long callId)
    {
        if (runtime.Calls.TryTake(callId) is not { } call)
        {
            return; // Timed out already (or the caller stopped): at most once means dropping it.
        }
        try
        {
            var (result, error) = MessageCodec.ReadResponseBody(ref reader, call.ResultCodec);
            if (error is not null)
            {
                call.Fail(TopiaryException.Create(error));
            }
            else
            {
                call.Complete(result);
            }
        }
        catch (Exception ex)
        {
            call.Fail(TopiaryException.Create(ToEnvelope(ex, "(response)", "(undecodable response)")));
        }
    }

    private void SendError(string replyTo, long callId, ErrorEnvelope error)
    {
        var buffer = MessageBuffer.Rent();
        MessageCodec.WriteError(buffer.Writer, callId, error);
        Send(replyTo, buffer);
    }

    private void Send(string destination, MessageBuffer buffer)
    {
        ValueTask<bool> sent;
        try
        {
            sent = runtime.Transport.SendAsync(destination, buffer.WrittenMemory);
        }
        catch (Exception ex)
        {
            buffer.Dispose();
            RuntimeLog.ResponseNotSent(logger, ex, destination);
            return;
        }
        if (sent.IsCompleted)
        {
            buffer.Dispose();
            return;
        }
        _ = CompleteResponseAsync(sent, buffer, destination);
    }

    private async Task CompleteSendAsync(ValueTask<bool> sent, MessageBuffer buffer, long callId, CallTarget target)
    {
        try
        {
            if (!await sent)
            {
                runtime.Calls.TryTake(callId)?.Fail(target.IsObserver ? CallErrors.ObserverNotFound() : CallErrors.Unreachable());
            }
        }
        catch (Exception ex)
        {
            RuntimeLog.SendFailed(logger, ex, target.ToString());
            runtime.Calls.TryTake(callId)?.Fail(CallErrors.Unreachable());
        }
        finally
        {
            buffer.Dispose();
        }
    }

    private async Task CompleteResponseAsync(ValueTask<bool> sent, MessageBuffer buffer, string destination)
    {
        try
        {
            await sent;
        }
        catch (Exception ex)
        {
            RuntimeLog.ResponseNotSent(logger, ex, destination);
        }
        finally
        {
            buffer.Dispose();
        }
    }
}
