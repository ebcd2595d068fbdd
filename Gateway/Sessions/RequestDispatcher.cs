using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Topiary.Errors;
using Topiary.Gateway.Protocol;
using Topiary.Gateway.Security;
using Topiary.Gateway.Topics;

namespace Topiary.Gateway.Sessions;

/// <summary>
/// Routes one client request to its operation and answers it: the result, or the error
/// envelope. Client mistakes are logged at Debug (ERR-33); anything else is a defect, logged
/// at Error with the correlation id the client also receives, and answered INTERNAL_ERROR.
/// </summary>
internal sealed partial class RequestDispatcher(TopicOperations topics, SecurityOperations security, ILogger<RequestDispatcher> logger)
{
    /// <summary>The version reported by ping and the handshake.</summary>
    public const string ServerVersion = "0.1.0";

    /// <summary>Handles one text message. Returns false when the session asked to close.</summary>
    public async Task<bool> HandleAsync(ClientSession session, ReadOnlyMemory<byte> message)
    {
        long? id = null;
        JsonDocument? document = null;
        try
        {
            var request = RequestParser.Parse(message, out document, out id);
            return await DispatchAsync(session, request);
        }
        catch (TopiaryException exception)
        {
            var error = exception.Error with { CorrelationId = NewCorrelationId() };
            LogClientError(logger, session.Id, error.Name, error.CorrelationId!, error.Message);
            Answer(session, id, error);
        }
        catch (Exception exception)
        {
            var correlationId = NewCorrelationId();
            LogDefect(logger, session.Id, correlationId, exception);
            Answer(session, id, ErrorEnvelope.For(ErrorCode.InternalError,
                "the gateway failed to process the request; the failure is logged with the correlation id", correlationId: correlationId));
        }
        finally
        {
            document?.Dispose();
        }
        return true;
    }

    private async Task<bool> DispatchAsync(ClientSession session, ProtocolRequest request)
    {
        switch (request.Op)
        {
            case "topics.add":
                await topics.AddAsync(session, request, withValue: false);
                break;
            case "topics.addAndSet":
                await topics.AddAsync(session, request, withValue: true);
                break;
            case "topics.set":
                await topics.SetAsync(session, request);
                break;
            case "topics.remove":
                await topics.RemoveAsync(session, request);
                break;
            case "topics.fetch":
                await topics.FetchAsync(session, request);
                break;
            case "topics.subscribe":
                await topics.SubscribeAsync(session, request);
                break;
            case "topics.unsubscribe":
                await topics.UnsubscribeAsync(session, request);
                break;
            case "security.getSystemAuthentication":
                await security.GetSystemAuthenticationAsync(session, request);
                break;
            case "security.updateAuthenticationStore":
                await security.UpdateAuthenticationStoreAsync(session, request);
                break;
            case "security.getSecurity":
                await security.GetSecurityAsync(session, request);
                break;
            case "security.updateSecurityStore":
                await security.UpdateSecurityStoreAsync(session, request);
                break;
            case "security.getAuditLog":
                await security.GetAuditLogAsync(session, request);
                break;
            case "session.ping":
                Ping(session, request.Id);
                break;
            case "session.close":
                session.SendText(Responses.Empty(request.Id));
                return false;
            default:
                throw TopiaryException.Create(ErrorCode.InvalidArgument,
                    $"unknown operation '{request.Op}'; see docs/protocol.md §3.2 and §3.3 for the operations of protocol 1",
                    new JsonObject { ["argument"] = "op", ["reason"] = "UNKNOWN_OPERATION" });
        }
        return true;
    }

    private static void Ping(ClientSession session, long id)
    {
        var writer = Responses.Start(id);
        writer.WriteStartObject();
        writer.WriteString("serverVersion", ServerVersion);
        writer.WriteNumber("serverTime", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        writer.WriteEndObject();
        session.SendText(Responses.Finish());
    }

    private static void Answer(ClientSession session, long? id, ErrorEnvelope error) =>
        session.SendText(id is { } requestId ? Messages.ErrorResponse(requestId, error) : Messages.ErrorNotification("error", error));

    private static string NewCorrelationId() => Guid.NewGuid().ToString("N");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId}: {Code} ({CorrelationId}): {Message}")]
    private static partial void LogClientError(ILogger logger, string sessionId, string code, string correlationId, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Session {SessionId}: request failed ({CorrelationId})")]
    private static partial void LogDefect(ILogger logger, string sessionId, string correlationId, Exception exception);
}
