namespace Topiary.Gateway.Hosting;

/// <summary>Whether the gateway finished starting: storage open, catalog replica loaded (<c>/health/ready</c>).</summary>
internal sealed class GatewayReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
