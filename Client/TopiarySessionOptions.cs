using System.Net.WebSockets;
using System.Text;
using Topiary.Client.Protocol;
using Topiary.Client.Requests;

namespace Topiary.Client;

/// <summary>
/// How to open a session (spec/sessions.md SES-10). Checked by <see cref="TopiarySession.OpenAsync"/>
/// before connecting: a value out of range fails with <see cref="Errors.TopiaryArgumentException"/>
/// code INVALID_ARGUMENT naming the option (ERR-34).
/// </summary>
public sealed class TopiarySessionOptions
{
    /// <summary>Default of <see cref="MaxMessageSize"/>: 4 MiB.</summary>
    public const int DefaultMaxMessageSize = 4 * 1024 * 1024;

    /// <summary>
    /// The gateway: a base URL (<c>ws://host:8080</c>, <c>https://host</c>), to which the SDK adds
    /// <c>/topiary</c>, or the full endpoint (<c>wss://host/topiary</c>). <c>http</c> and <c>https</c>
    /// mean <c>ws</c> and <c>wss</c>. Unencrypted URLs are allowed only for loopback hosts or with
    /// <see cref="AllowUnencrypted"/>.
    /// </summary>
    public required Uri Url { get; init; }

    /// <summary>The principal to authenticate as; <c>""</c> (the default) is anonymous. At most 256 characters.</summary>
    public string Principal { get; init; } = "";

    /// <summary>The principal's password; at most 4 KiB of UTF-8.</summary>
    public string? Password { get; init; }

    /// <summary>How long a request may wait for its answer before it fails with TIMEOUT (ERR-22). Default 10 s; 100 ms – 10 min.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed to connect and complete the handshake. Default 10 s; 1 ms – 1 h.</summary>
    public TimeSpan ConnectionTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The largest message this session sends (larger requests fail with LIMIT_EXCEEDED before
    /// sending; the gateway's own limit, learned at the handshake, applies too). Default 4 MiB; 64 KiB – 64 MiB.
    /// </summary>
    public int MaxMessageSize { get; init; } = DefaultMaxMessageSize;

    /// <summary>Allows <c>ws://</c> and <c>http://</c> to hosts other than loopback. Default false.</summary>
    public bool AllowUnencrypted { get; init; }

    /// <summary>The clock for timeouts and ping times; tests substitute a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Adjusts the WebSocket before connecting (proxy, client certificates, headers). Optional.</summary>
    public Action<ClientWebSocketOptions>? ConfigureWebSocket { get; init; }

    /// <summary>Throws INVALID_ARGUMENT for the first option out of range.</summary>
    internal void Validate()
    {
        Check(nameof(Url), Url is not null, "is required");
        Check(nameof(Principal), Principal is not null && Principal.Length <= 256, "must be at most 256 characters");
        Check(nameof(Password), Password is null || Encoding.UTF8.GetByteCount(Password) <= 4096, "must be at most 4 KiB");
        Check(nameof(RequestTimeout), RequestTimeout >= TimeSpan.FromMilliseconds(100) && RequestTimeout <= TimeSpan.FromMinutes(10), "must be between 100 ms and 10 min");
        Check(nameof(ConnectionTimeout), ConnectionTimeout >= TimeSpan.FromMilliseconds(1) && ConnectionTimeout <= TimeSpan.FromHours(1), "must be between 1 ms and 1 h");
        Check(nameof(MaxMessageSize), MaxMessageSize is >= 64 * 1024 and <= 64 * 1024 * 1024, "must be between 64 KiB and 64 MiB");
        Check(nameof(TimeProvider), TimeProvider is not null, "is required");
    }

    /// <summary>The WebSocket endpoint of <see cref="Url"/> (SES-10 rules); INVALID_ARGUMENT when not allowed.</summary>
    internal Uri ResolveEndpoint()
    {
        Check(nameof(Url), Url.IsAbsoluteUri, "must be an absolute URL");
        var scheme = Url.Scheme switch
        {
            "ws" or "http" => "ws",
            "wss" or "https" => "wss",
            _ => null,
        };
        Check(nameof(Url), scheme is not null, "must use ws, wss, http or https");
        Check(nameof(Url), scheme == "wss" || Url.IsLoopback || AllowUnencrypted,
            "is unencrypted and not a loopback address; use wss:// or https://, or set AllowUnencrypted");
        var path = Url.AbsolutePath.TrimEnd('/');
        if (!path.EndsWith(WireNames.EndpointPath, StringComparison.Ordinal))
        {
            path += WireNames.EndpointPath;
        }
        return new UriBuilder(Url) { Scheme = scheme, Path = path }.Uri;
    }

    private static void Check(string option, bool valid, string rule)
    {
        if (!valid)
        {
            throw ClientErrors.InvalidArgument(option, "OUT_OF_RANGE", $"the session option {option} {rule}");
        }
    }
}
