using Topiary.Client;

namespace Topiary.Tests.EndToEnd;

/// <summary>Opens real client sessions against a <see cref="GatewayHost"/>.</summary>
internal static class Sessions
{
    public static Task<ITopiarySession> AdminAsync(GatewayHost gateway) =>
        TopiarySession.OpenAsync(new TopiarySessionOptions
        {
            Url = gateway.Url,
            Principal = "admin",
            Password = GatewayHost.AdminPassword,
        });

    public static Task<ITopiarySession> AnonymousAsync(GatewayHost gateway) =>
        TopiarySession.OpenAsync(new TopiarySessionOptions { Url = gateway.Url });
}
