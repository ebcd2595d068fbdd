using Microsoft.Extensions.Logging;
using Topiary.Errors;
using Topiary.Runtime;
using Topiary.Runtime.Storage;

namespace Topiary.Tests.Grains.Runtime.TestGrains;

[GrainType("test-counter")]
public sealed class CounterGrain(TestProbe probe, ILogger<CounterGrain> logger) : Grain<CounterState>, ICounterGrain
{
    public ILogger<CounterGrain> Logger { get; } = logger;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (probe.FailActivationOf == GetPrimaryKeyString())
        {
            throw TopiaryException.Create(ErrorCode.Conflict, "this counter refuses to activate");
        }
        probe.Record($"activate:{GetPrimaryKeyString()}:{State.Value}");
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivating:{GetPrimaryKeyString()}:{reason.Code}");
        if (probe.DeactivationGate is { } gate)
        {
            await gate.Task;
        }
        probe.Record($"deactivated:{GetPrimaryKeyString()}:{reason.Code}");
    }

    public async Task<int> Add(int amount)
    {
        State.Value += amount;
        await WriteStateAsync();
        return State.Value;
    }

    public Task<int> Read() => Task.FromResult(State.Value);

    public Task<bool> Exists() => Task.FromResult(RecordExists);

    public async Task<string> TryAdd(int amount)
    {
        State.Value += amount;
        try
        {
            await WriteStateAsync();
            return "ok";
        }
        catch (InconsistentStateException)
        {
            return "conflict";
        }
    }

    public Task Clear() => ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
