namespace Topiary.Gateway.Hosting;

/// <summary>
/// Settings under the <c>Topiary</c> configuration section (appsettings.json or environment
/// variables such as <c>Topiary__Limits__MaxValueBytes</c>). <see cref="GatewayOptionsValidator"/>
/// checks them at start; a wrong value stops the process with one clear line per setting.
/// </summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Topiary";

    public GatewaySection Gateway { get; set; } = new();

    public LimitsSection Limits { get; set; } = new();

    public SecuritySection Security { get; set; } = new();

    public StorageSection Storage { get; set; } = new();

    public sealed class GatewaySection
    {
        /// <summary>This gateway's name (<c>$ServerName</c>), reported in the handshake.</summary>
        public string Name { get; set; } = "gateway-1";

        /// <summary>
        /// Serve native-protocol upgrades at the connection level, before Kestrel's HTTP layer
        /// (less memory per session, direct socket writes); default true. When false, or for a
        /// connection the shortcut does not take (TLS, a split request head), <c>/topiary</c> is
        /// served through HTTP as usual. See docs/architecture.md.
        /// </summary>
        public bool TakeOverNativeConnections { get; set; } = true;
    }

    public sealed class LimitsSection
    {
        /// <summary>Largest encoded topic value (TOP-14): 1 KiB – 64 MiB, default 1 MiB.</summary>
        public int MaxValueBytes { get; set; } = 1024 * 1024;

        /// <summary>Largest client message (SES-13): 64 KiB – 64 MiB, default 4 MiB.</summary>
        public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;

        /// <summary>Bytes queued for one client before it is closed as too slow: 64 KiB – 1 GiB, default 16 MiB.</summary>
        public int MaxOutboundBytes { get; set; } = 16 * 1024 * 1024;
    }

    public sealed class SecuritySection
    {
        /// <summary>The <c>admin</c> password, read at the first start only (SEC-70); when unset one is generated then and logged once.</summary>
        public string? AdminPassword { get; set; }

        /// <summary>When set at the first start, creates the <c>control</c> principal with this password (SEC-70).</summary>
        public string? ControlPassword { get; set; }

        /// <summary>The first start's anonymous policy: ALLOW when true (the default), else DENY (SEC-70).</summary>
        public bool AllowAnonymous { get; set; } = true;

        /// <summary>Failed authentications per client address per window before RATE_LIMITED (SES-91): 1 – 10,000, default 20.</summary>
        public int MaxFailuresPerAddress { get; set; } = 20;

        /// <summary>Failed authentications per principal name per window before RATE_LIMITED (SES-91): 1 – 10,000, default 10.</summary>
        public int MaxFailuresPerPrincipal { get; set; } = 10;

        /// <summary>The window failures are counted in, in seconds (SES-91): 1 – 3,600, default 60.</summary>
        public int FailureWindowSeconds { get; set; } = 60;
    }

    public sealed class StorageSection
    {
        /// <summary>Where standalone mode keeps its SQLite database; default <c>data</c> under the working directory.</summary>
        public string DataDirectory { get; set; } = "data";
    }
}
