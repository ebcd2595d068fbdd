using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Topiary.Gateway.Hosting;
using Topiary.Gateway.Sessions;

namespace Topiary.Gateway.Hubs;

/// <summary>
/// The SignalR compatibility endpoint at <c>/topiary/hub</c> (docs/protocol.md §8). Thin on
/// purpose: each method is a native operation of the same name, taking the native
/// <c>args</c> object and returning the native <c>result</c>; <see cref="HubSession"/> runs it
/// on the transport-agnostic session core. SignalR runs one invocation per connection at a time
/// (its default), so a connection's requests take effect in the order sent, as natively.
/// </summary>
internal sealed class TopiaryHub(
    IHubContext<TopiaryHub> hub,
    HubConnections connections,
    SessionLifecycle lifecycle,
    RequestDispatcher dispatcher,
    IOptions<GatewayOptions> options,
    ILogger<TopiaryHub> logger) : Hub
{
    private HubSession Session => (HubSession)Context.Items[typeof(HubSession)]!;

    public override Task OnConnectedAsync()
    {
        var session = new HubSession(Context, hub.Clients.Client(Context.ConnectionId), lifecycle, dispatcher, options.Value, logger);
        Context.Items[typeof(HubSession)] = session;
        connections.Add(session, Context.GetHttpContext());
        return Task.CompletedTask;
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Session);
        await Session.DisposeAsync();
    }

    /// <summary>Opens the session: <c>{ principal?, password?, clientType?, environment? }</c>; must come first.</summary>
    [HubMethodName("open")]
    public Task<JsonElement> OpenAsync(JsonElement args) => Session.OpenAsync(args);

    [HubMethodName("topics.add")]
    public Task<JsonElement> AddAsync(JsonElement args) => Session.InvokeAsync("topics.add", args);

    [HubMethodName("topics.addAndSet")]
    public Task<JsonElement> AddAndSetAsync(JsonElement args) => Session.InvokeAsync("topics.addAndSet", args);

    [HubMethodName("topics.set")]
    public Task<JsonElement> SetAsync(JsonElement args) => Session.InvokeAsync("topics.set", args);

    [HubMethodName("topics.remove")]
    public Task<JsonElement> RemoveAsync(JsonElement args) => Session.InvokeAsync("topics.remove", args);

    [HubMethodName("topics.fetch")]
    public Task<JsonElement> FetchAsync(JsonElement args) => Session.InvokeAsync("topics.fetch", args);

    [HubMethodName("topics.subscribe")]
    public Task<JsonElement> SubscribeAsync(JsonElement args) => Session.InvokeAsync("topics.subscribe", args);

    [HubMethodName("topics.unsubscribe")]
    public Task<JsonElement> UnsubscribeAsync(JsonElement args) => Session.InvokeAsync("topics.unsubscribe", args);

    [HubMethodName("session.ping")]
    public Task<JsonElement> PingAsync() => Session.InvokeAsync("session.ping", default);

    /// <summary>Closes the session; the connection stays until the client stops it, and every later invocation fails with SESSION_CLOSED.</summary>
    [HubMethodName("session.close")]
    public Task<JsonElement> CloseAsync() => Session.InvokeAsync("session.close", default);
}
