namespace Topiary.Tests.Grains.Runtime.TestGrains;

/// <summary>
/// The test grains, registered one by one (GrainRuntimeOptions.GrainClasses) because the test assembly
/// also holds deliberately invalid grains (see Invalid/) and other suites' grains.
/// </summary>
internal static class TestGrainClasses
{
    public static readonly Type[] All =
    [
        typeof(CounterGrain),
        typeof(CallGrain),
        typeof(ChatRoomGrain),
        typeof(ReminderGrain),
        typeof(TimerGrain),
    ];
}
