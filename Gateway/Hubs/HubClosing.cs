namespace Topiary.Gateway.Hubs;

/// <summary>Why a hub session ended, and whether the client is still there to be told (a <c>closing</c> message).</summary>
internal sealed record HubClosing(string Reason, string Message, bool Notify);
