namespace Topiary.Tests.EndToEnd;

/// <summary>
/// One gateway shared by the raw-protocol tests, with the smallest limits the settings allow
/// (64 KiB messages, 64 KiB outbound buffer) so that oversized and slow-client cases are cheap.
/// Sharing it is part of the point: every test checks the gateway still serves others afterwards.
/// </summary>
public sealed class RawProtocolGateway : IAsyncLifetime
{
    public const int MaxMessageBytes = 64 * 1024;
    public const int MaxOutboundBytes = 64 * 1024;

    public GatewayHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await GatewayHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Topiary:Limits:MaxMessageBytes"] = MaxMessageBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Topiary:Limits:MaxOutboundBytes"] = MaxOutboundBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
