using Topiary.Errors;
using Topiary.Runtime;

namespace Topiary.Tests.Grains.Runtime.TestGrains;

public sealed class ChatRoomGrain : Grain, IChatRoomGrain
{
    private readonly List<IChatObserver> _members = [];

    public Task Join(IChatObserver observer)
    {
        _members.Add(observer);
        return Task.CompletedTask;
    }

    public async Task<int> Say(string message)
    {
        var gone = 0;
        foreach (var member in _members.ToList())
        {
            try
            {
                await member.Receive(message);
            }
            catch (TopiaryException ex) when (ex.Code == ErrorCode.NotFound)
            {
                _members.Remove(member);
                gone++;
            }
        }
        return gone;
    }

    public Task SayMany(int count) =>
        Task.WhenAll(_members.SelectMany(member => Enumerable.Range(0, count).Select(i => member.Receive($"m{i}"))));
}
