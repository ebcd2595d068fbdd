namespace Topiary.Client;

/// <summary>The answer to <see cref="ITopiarySession.PingAsync"/> (spec/sessions.md SES-17).</summary>
/// <param name="RoundTrip">Time from sending the ping to receiving its answer, measured with the session's <see cref="TimeProvider"/>.</param>
/// <param name="ServerVersion">The gateway's version, for example <c>0.1.0</c>.</param>
/// <param name="ServerTime">The gateway's clock when it answered.</param>
public readonly record struct PingResult(TimeSpan RoundTrip, string ServerVersion, DateTimeOffset ServerTime);
