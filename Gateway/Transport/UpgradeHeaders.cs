namespace Topiary.Gateway.Transport;

/// <summary>The request headers <see cref="UpgradeRequestHead"/> decides on; a repeated one of them makes the request doubtful.</summary>
internal sealed class UpgradeHeaders
{
    public bool Host { get; private set; }

    public string? Upgrade { get; private set; }

    public string? Connection { get; private set; }

    public string? Version { get; private set; }

    public string? Key { get; private set; }

    /// <summary>A Content-Length other than 0, or any Transfer-Encoding.</summary>
    public bool HasBody { get; private set; }

    /// <summary>Records one header; false when it is one of ours seen twice.</summary>
    public bool Add(string name, string value)
    {
        switch (name.ToUpperInvariant())
        {
            case "HOST":
                var first = !Host;
                Host = true;
                return first;
            case "UPGRADE":
                return Set(Upgrade, value, v => Upgrade = v);
            case "CONNECTION":
                return Set(Connection, value, v => Connection = v);
            case "SEC-WEBSOCKET-VERSION":
                return Set(Version, value, v => Version = v);
            case "SEC-WEBSOCKET-KEY":
                return Set(Key, value, v => Key = v);
            case "CONTENT-LENGTH":
                HasBody |= value != "0";
                return true;
            case "TRANSFER-ENCODING":
                HasBody = true;
                return true;
            default:
                return true;
        }
    }

    private static bool Set(string? current, string value, Action<string> set)
    {
        if (current is not null)
        {
            return false;
        }
        set(value);
        return true;
    }
}
