using System.Text.Json.Nodes;
using Topiary.Errors;
using Topiary.Runtime;

namespace Topiary.Tests.Grains.Runtime.TestGrains;

public sealed class CallGrain(TestProbe probe) : Grain, ICallGrain
{
    private readonly List<int> _order = [];
    private int _inside;

    public async Task Work(int id)
    {
        probe.ObserveConcurrency(Interlocked.Increment(ref _inside));
        await Task.Yield();
        await Task.Delay(1);
        await Task.Yield();
        _order.Add(id);
        Interlocked.Decrement(ref _inside);
    }

    public Task<List<int>> Order() => Task.FromResult(_order.ToList());

    public Task Hang() => probe.Gate.Task;

    public Task CallSelf() => GrainFactory.GetGrain<ICallGrain>(GetPrimaryKeyString()).Order();

    public Task Fail(string kind) => kind switch
    {
        "topiary" => throw TopiaryException.Create(ErrorCode.InvalidPath, "path 'a//b' has an empty segment at column 3",
            new JsonObject { ["column"] = 3 }),
        _ => throw new InvalidOperationException("secret-connection-string=Server=db;Password=hunter2"),
    };

    public Task TakeUnregistered(UnregisteredPayload payload) => Task.CompletedTask;

    public Task<UnregisteredPayload> ReturnUnregistered() => Task.FromResult(new UnregisteredPayload("x"));

    public async ValueTask<int> Echo(int value)
    {
        await Task.Yield();
        return value;
    }

    public ValueTask DoNothing() => default;

    public Task<ICounterGrain> CounterReference(string key) => Task.FromResult(GrainFactory.GetGrain<ICounterGrain>(key));

    public Task<int> AddThrough(ICounterGrain counter, int amount) => counter.Add(amount);

    public Task<int> AddThroughEnvelope(CounterEnvelope envelope) => envelope.Counter.Add(envelope.Amount);

    public Task<string> Describe(IGrainWithStringKey grain) => Task.FromResult(grain.ToString()!);

    public Task<string> IntroduceTo(string otherKey) => GrainFactory.GetGrain<ICallGrain>(otherKey).Describe(this);
}
