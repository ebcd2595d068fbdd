using Topiary.Runtime;

namespace Topiary.Tests.Grains.Runtime.TestGrains;

[GrainType("test-reminder")]
public sealed class ReminderGrain(TestProbe probe) : Grain, IReminderGrain, IRemindable
{
    public Task Schedule(string name, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(name, dueTime, period);

    public Task Cancel(string name) => UnregisterReminder(name);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Record($"tick:{GetPrimaryKeyString()}:{reminderName}");
        return Task.CompletedTask;
    }
}
