using Topiary.Runtime;

namespace Topiary.Tests.Grains.Runtime.TestGrains;

/// <summary>A persistent counter: state, ETags, lifecycle.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);

    Task<int> Read();

    Task<bool> Exists();

    /// <summary>Adds and writes, reporting "conflict" instead of throwing when the stored record changed.</summary>
    Task<string> TryAdd(int amount);

    Task Clear();

    Task Deactivate();
}
