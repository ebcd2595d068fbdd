using Topiary.Runtime.Activation;
using Topiary.Runtime.Hosting;
using Topiary.Tests.Grains.Runtime.TestGrains;
using Topiary.Tests.Grains.Runtime.TestGrains.Invalid;

namespace Topiary.Tests.Grains.Runtime.Activation;

[Trait("Category", TestCategories.Unit)]
public sealed class GrainTypeRegistryTests
{
    [Fact]
    public void Discovery_maps_each_grain_interface_to_its_class_and_honours_GrainType()
    {
        var registry = GrainTypeRegistry.Create(TestGrainClasses.All.Append(typeof(string)));

        Assert.True(registry.TryGetClass(typeof(ICounterGrain), out var counter));
        Assert.Equal(typeof(CounterGrain), counter.ClassType);
        Assert.Equal("test-counter", counter.GrainType);
        Assert.True(registry.TryGetClass(typeof(ICallGrain), out var call));
        Assert.Equal(typeof(CallGrain).FullName, call.GrainType);
        Assert.True(registry.TryGetClass(typeof(IReminderGrain), out var reminder));
        Assert.True(reminder.IsRemindable);
    }

    [Fact]
    public void Two_classes_implementing_one_interface_fail_naming_both()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => GrainTypeRegistry.Create([typeof(DuplicateGrainA), typeof(DuplicateGrainB)]));

        Assert.Contains(nameof(IDuplicateGrain), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DuplicateGrainA), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(DuplicateGrainB), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_method_signatures_fail_at_discovery_naming_each_method()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GrainTypeRegistry.Create([typeof(BadSignatureGrain)]));

        Assert.Contains("IBadSignatureGrain.NotAsync: must return Task, Task<T>, ValueTask or ValueTask<T>", error.Message, StringComparison.Ordinal);
        Assert.Contains("IBadSignatureGrain.WithCancellation: CancellationToken parameters are not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scanning_an_assembly_with_conflicting_grains_fails_the_silo_at_construction()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TestSilo.Create(
            configure: o => o.GrainAssemblies.Add(typeof(DuplicateGrainA).Assembly)));

        Assert.Contains(nameof(IDuplicateGrain), error.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public void Invalid_timeouts_are_rejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TestSilo.Create(configure: o => o.CallTimeout = TimeSpan.Zero));

        Assert.Contains(nameof(GrainRuntimeOptions.CallTimeout), error.Message, StringComparison.Ordinal);
    }
}
