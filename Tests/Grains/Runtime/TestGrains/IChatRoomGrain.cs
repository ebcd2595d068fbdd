using Topiary.Runtime;

namespace Topiary.Tests.Grains.Runtime.TestGrains;

/// <summary>Pushes to observers, as topic grains push to gateways.</summary>
public interface IChatRoomGrain : IGrainWithStringKey
{
    Task Join(IChatObserver observer);

    /// <summary>Delivers to every member, awaiting each; returns how many failed with NOT_FOUND (and were dropped).</summary>
    Task<int> Say(string message);

    /// <summary>Sends <paramref name="count"/> messages to every member without waiting in between.</summary>
    Task SayMany(int count);
}
