using Topiary.Gateway.Security;
using Topiary.Gateway.Topics;
using Topiary.Gateway.Transport;
using Topiary.Selectors;

namespace Topiary.Gateway.Sessions;

/// <summary>
/// A session attached to this gateway: identity, selections, the topics it is subscribed to,
/// and its outbound queue. Messages for the client go through <see cref="SendText"/> and
/// <see cref="SendFrame(ReadOnlySpan{byte})"/>, which never block; when the queue overflows, the session's owner
/// is told once (it closes the connection with a reason) and further sends are dropped.
/// Thread-safe.
/// </summary>
internal sealed class ClientSession
{
    private readonly Lock _gate = new();
    private readonly SelectionList _selections = new();
    private readonly HashSet<GatewayTopic> _topics = [];
    private readonly Action<string, string> _close;
    private int _closing;
    private bool _released;

    // close: ends the connection after telling the client why (reason, message); called at most once.
    public ClientSession(string principal, IReadOnlyList<string> roles, OutboundQueue outbound, Action<string, string> close)
    {
        Id = SessionIdentity.NewSessionId();
        Token = SessionIdentity.NewToken();
        Principal = principal;
        Roles = roles;
        Outbound = outbound;
        _close = close;
    }

    public string Id { get; }

    /// <summary>Secret for resuming the session; never logged.</summary>
    public string Token { get; }

    public string Principal { get; }

    /// <summary>The assigned roles (<c>$Roles</c>, SEC-7); permissions are evaluated over the roles they include too.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>The <see cref="GatewayAuthorizer"/>'s cache of this session's permissions; replaced whole when the store changes.</summary>
    public SessionGrant? Grant { get; set; }

    public OutboundQueue Outbound { get; }

    /// <summary>Queues a JSON control message.</summary>
    public bool SendText(ReadOnlySpan<byte> json) => Outbound.TryEnqueue(WebSocketOpcode.Text, json) || ReportOverflow();

    /// <summary>Queues a prebuilt frame (header included).</summary>
    public bool SendFrame(ReadOnlySpan<byte> frame) => Outbound.TryEnqueue(frame) || ReportOverflow();

    /// <summary>Queues a prebuilt frame as part of a fan-out, which wakes the writers it collects in <paramref name="wakeups"/> afterwards.</summary>
    public bool SendFrame(ReadOnlySpan<byte> frame, ref WriterWakeups? wakeups) => Outbound.TryEnqueue(frame, ref wakeups) || ReportOverflow();

    /// <summary>Records a select or deselect operation (TOP-51); false when the session holds too many.</summary>
    public bool Record(TopicSelector selector, bool select)
    {
        lock (_gate)
        {
            return _selections.Add(selector, select);
        }
    }

    public bool IsSelected(string path)
    {
        lock (_gate)
        {
            return _selections.IsSelected(path);
        }
    }

    public TopicSelector[] SelectedSelectors()
    {
        lock (_gate)
        {
            return [.. _selections.SelectedSelectors()];
        }
    }

    /// <summary>Called by a topic (under its lock) when it subscribes or unsubscribes this session.</summary>
    /// <returns>False when subscribing a session that was already released: the topic must not keep it.</returns>
    public bool Track(GatewayTopic topic, bool subscribed)
    {
        lock (_gate)
        {
            if (!subscribed)
            {
                return _topics.Remove(topic);
            }
            return !_released && _topics.Add(topic);
        }
    }

    /// <summary>
    /// Marks the session released (its connection ended) and returns the topics to unsubscribe it
    /// from. Under the same lock as <see cref="Track"/>, so a topic subscribing it concurrently is
    /// either in the returned list or refused.
    /// </summary>
    public GatewayTopic[] Release()
    {
        lock (_gate)
        {
            _released = true;
            return [.. _topics];
        }
    }

    public GatewayTopic[] SubscribedTopics()
    {
        lock (_gate)
        {
            return [.. _topics];
        }
    }

    /// <summary>Closes the session from the server side: a <c>closing</c> notice, then the connection ends. Idempotent.</summary>
    public void Close(string reason, string message)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 0)
        {
            _close(reason, message);
        }
    }

    private bool ReportOverflow()
    {
        if (Outbound.Overflowed)
        {
            Close("OUTBOUND_BUFFER_OVERFLOW",
                "the client did not read fast enough and its outbound buffer (Topiary:Limits:MaxOutboundBytes) overflowed");
        }
        return false;
    }
}
