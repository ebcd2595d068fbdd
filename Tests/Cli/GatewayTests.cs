using Topiary.Tests.EndToEnd;

namespace Topiary.Tests.Cli;

/// <summary>Base of CLI tests that each run against a fresh real gateway (<see cref="GatewayHost"/>).</summary>
public abstract class GatewayTests : IAsyncLifetime
{
    private GatewayHost? _gateway;

    /// <summary>The gateway of the current test.</summary>
    internal GatewayHost Gateway => _gateway ?? throw new InvalidOperationException("the gateway starts in InitializeAsync");

    public async Task InitializeAsync() => _gateway = await GatewayHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }
}
