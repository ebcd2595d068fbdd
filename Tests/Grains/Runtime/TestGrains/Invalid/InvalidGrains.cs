using Topiary.Runtime;

// Deliberately invalid grains for the discovery tests; several tiny types in one file on purpose.
namespace Topiary.Tests.Grains.Runtime.TestGrains.Invalid;

public interface IDuplicateGrain : IGrainWithStringKey
{
    Task Ping();
}

public sealed class DuplicateGrainA : Grain, IDuplicateGrain
{
    public Task Ping() => Task.CompletedTask;
}

public sealed class DuplicateGrainB : Grain, IDuplicateGrain
{
    public Task Ping() => Task.CompletedTask;
}

public interface IBadSignatureGrain : IGrainWithStringKey
{
    int NotAsync();

    Task WithCancellation(CancellationToken cancellationToken);
}

public sealed class BadSignatureGrain : Grain, IBadSignatureGrain
{
    public int NotAsync() => 0;

    public Task WithCancellation(CancellationToken cancellationToken) => Task.CompletedTask;
}
