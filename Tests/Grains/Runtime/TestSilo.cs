using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Topiary.Runtime;
using Topiary.Runtime.Hosting;
using Topiary.Tests.Grains.Runtime.TestGrains;

namespace Topiary.Tests.Grains.Runtime;

/// <summary>
/// A started <see cref="InProcessSilo"/> with the test grains, a fake clock, a probe and captured logs,
/// built exactly as a host would (AddGrainRuntime + a storage provider).
/// </summary>
internal sealed class TestSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _stopped;

    private TestSilo(ServiceProvider services, FakeTimeProvider time, TestProbe probe, CapturingLoggerProvider logs)
    {
        _services = services;
        Time = time;
        Probe = probe;
        Logs = logs;
        Silo = services.GetRequiredService<InProcessSilo>();
    }

    public InProcessSilo Silo { get; }

    public IGrainFactory Factory => Silo.GrainFactory;

    public FakeTimeProvider Time { get; }

    public TestProbe Probe { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _services;

    public static async Task<TestSilo> StartAsync(
        string? sqlitePath = null,
        FakeTimeProvider? time = null,
        TestProbe? probe = null,
        Action<GrainRuntimeOptions>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        var silo = Create(sqlitePath, time, probe, configure, services);
        await silo.Silo.StartAsync(CancellationToken.None);
        return silo;
    }

    public static TestSilo Create(
        string? sqlitePath = null,
        FakeTimeProvider? time = null,
        TestProbe? probe = null,
        Action<GrainRuntimeOptions>? configure = null,
        Action<IServiceCollection>? services = null)
    {
        time ??= new FakeTimeProvider();
        probe ??= new TestProbe();
        var logs = new CapturingLoggerProvider();
        var collection = new ServiceCollection();
        collection.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        collection.AddSingleton<TimeProvider>(time);
        collection.AddSingleton(probe);
        collection.AddGrainRuntime(options =>
        {
            options.GrainClasses.AddRange(TestGrainClasses.All);
            options.SerializerResolvers.Add(TestGrainsJsonContext.Default);
            configure?.Invoke(options);
        });
        if (sqlitePath is not null)
        {
            collection.AddSqliteGrainStorage(sqlitePath);
        }
        services?.Invoke(collection);
        return new TestSilo(collection.BuildServiceProvider(), time, probe, logs);
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await Silo.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Release anything a test left hanging, so that shutdown can drain the mailboxes.
        Probe.Gate.TrySetResult();
        Probe.DeactivationGate?.TrySetResult();
        await StopAsync();
        await _services.DisposeAsync();
    }
}
