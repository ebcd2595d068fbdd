using Topiary.Runtime;

namespace Topiary.Tests.Grains.Runtime.TestGrains;

/// <summary>Call mechanics: ordering, concurrency, errors, serialisation, references, timeouts.</summary>
public interface ICallGrain : IGrainWithStringKey
{
    /// <summary>Records <paramref name="id"/> after yielding a few times, tracking concurrency.</summary>
    Task Work(int id);

    Task<List<int>> Order();

    Task Hang();

    Task CallSelf();

    Task Fail(string kind);

    Task TakeUnregistered(UnregisteredPayload payload);

    Task<UnregisteredPayload> ReturnUnregistered();

    ValueTask<int> Echo(int value);

    ValueTask DoNothing();

    Task<ICounterGrain> CounterReference(string key);

    Task<int> AddThrough(ICounterGrain counter, int amount);

    Task<int> AddThroughEnvelope(CounterEnvelope envelope);

    Task<string> Describe(IGrainWithStringKey grain);

    /// <summary>Passes <c>this</c> to another call grain, which describes it.</summary>
    Task<string> IntroduceTo(string otherKey);
}
